using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.DirectLine;

/// <summary>
/// Signs and checks the local channel's tokens: JWTs (HS256) with one issuer and three audiences, so a
/// token made for one purpose is refused for another. Client tokens carry the conversation id and the
/// user id (in the <c>user</c> claim, where Web Chat reads it); channel tokens let the Direct Line layer
/// into the bot's /api/messages path; bot tokens let the bot's Connector client post replies here.
/// </summary>
public sealed class DirectLineTokenService(IStorage storage, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    public const string Issuer = "chatbot-directline";
    public const string ClientAudience = "directline-client";
    public const string ChannelAudience = "directline-channel";
    public const string BotAudience = "directline-connector";
    private const string KeyStorageKey = "directline/signing-key";
    private static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromMinutes(10);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private SymmetricSecurityKey? _key;

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public async Task<string> CreateClientTokenAsync(string conversationId, string userId, string? userName, CancellationToken cancellationToken = default)
    {
        var claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId };
        if (!string.IsNullOrEmpty(userName))
        {
            claims["name"] = userName;
        }
        return await CreateAsync(ClientAudience, claims, options.Value.TokenLifetime, cancellationToken);
    }

    /// <summary>
    /// A client token's grant, or null when it is forged, malformed or meant for something else.
    /// Expired tokens are refused unless <paramref name="allowExpiredWithinResumeWindow"/> (tokens/generate's
    /// proof that a returning visitor owns a conversation).
    /// </summary>
    public async Task<DirectLineToken?> ValidateClientTokenAsync(string? token, bool allowExpiredWithinResumeWindow = false, CancellationToken cancellationToken = default)
    {
        var identity = await ValidateAsync(token, ClientAudience, validateLifetime: false, cancellationToken);
        if (identity == null)
        {
            return null;
        }
        var conversationId = identity.FindFirst("conv")?.Value;
        var userId = identity.FindFirst("user")?.Value;
        var expClaim = identity.FindFirst("exp")?.Value;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(userId) || !long.TryParse(expClaim, out var exp))
        {
            return null;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        var now = clock.GetUtcNow();
        var deadline = allowExpiredWithinResumeWindow ? expires + options.Value.ResumeWindow : expires;
        if (now >= deadline)
        {
            return null;
        }
        return new DirectLineToken(conversationId, userId, identity.FindFirst("name")?.Value, expires);
    }

    public Task<string> CreateServiceTokenAsync(string audience, CancellationToken cancellationToken = default) =>
        CreateAsync(audience, new Dictionary<string, object>(), ServiceTokenLifetime, cancellationToken);

    /// <summary>True when the Authorization header value is "Bearer &lt;a valid, unexpired token for audience&gt;".</summary>
    public async Task<bool> ValidateServiceHeaderAsync(string? authorizationHeader, string audience, CancellationToken cancellationToken = default) =>
        await ValidateAsync(BearerToken(authorizationHeader), audience, validateLifetime: true, cancellationToken) != null;

    public static string? BearerToken(string? authorizationHeader)
    {
        const string prefix = "Bearer ";
        return authorizationHeader != null && authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? authorizationHeader[prefix.Length..].Trim()
            : null;
    }

    private async Task<string> CreateAsync(string audience, Dictionary<string, object> claims, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = await GetKeyAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        claims["jti"] = Guid.NewGuid().ToString("N");
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task<ClaimsIdentity?> ValidateAsync(string? token, string audience, bool validateLifetime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return null;
        }
        var key = await GetKeyAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = validateLifetime,
            LifetimeValidator = validateLifetime
                ? (notBefore, expires, _, _) => expires != null && clock.GetUtcNow().UtcDateTime < expires.Value
                : null,
            ClockSkew = TimeSpan.Zero,
        });
        return result.IsValid ? result.ClaimsIdentity : null;
    }

    private async Task<SymmetricSecurityKey> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_key != null)
        {
            return _key;
        }
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            _key ??= new SymmetricSecurityKey(await LoadKeyBytesAsync(cancellationToken));
            return _key;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    private async Task<byte[]> LoadKeyBytesAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.TokenSigningSecret;
        if (!string.IsNullOrEmpty(configured))
        {
            // Hashing gives HS256 its 256-bit key whatever the secret's length.
            return SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        }

        var stored = await storage.ReadAsync([KeyStorageKey], cancellationToken);
        if (stored.TryGetValue(KeyStorageKey, out var value) && value is SigningKeyRecord existing)
        {
            return Convert.FromBase64String(existing.Key);
        }

        // First start on this store: created only if absent, so of two instances starting at once exactly one key is
        // stored, and the loser reads it back (instances sharing a store must sign with one key).
        var record = new SigningKeyRecord { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ETag = StoreETags.New };
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [KeyStorageKey] = record }, cancellationToken);
        }
        catch (ETagConflictException)
        {
        }
        stored = await storage.ReadAsync([KeyStorageKey], cancellationToken);
        return Convert.FromBase64String(((SigningKeyRecord)stored[KeyStorageKey]).Key);
    }
}
