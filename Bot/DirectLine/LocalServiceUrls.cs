using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatBot.DirectLine;

/// <summary>
/// The serviceUrl of the local channel (this host's own Bot Connector endpoints) and the test for it.
/// Activities that carry it may only come from the Direct Line layer, and replies to it are signed with
/// the local bot token, so neither side trusts an unauthenticated caller.
/// </summary>
public sealed class LocalServiceUrls(IOptions<DirectLineOptions> options, IServer server)
{
    private readonly ConcurrentDictionary<string, bool> _issued = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The configured URL, else the address the request's connection arrived on. Never the Host header:
    /// the client chooses that, and the bot would post replies wherever it points.
    /// </summary>
    public string For(HttpContext context)
    {
        string url;
        if (!string.IsNullOrEmpty(options.Value.ServiceUrl))
        {
            url = options.Value.ServiceUrl.TrimEnd('/') + "/";
        }
        else
        {
            var address = context.Connection.LocalIpAddress ?? IPAddress.Loopback;
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }
            var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            url = $"http://{host}:{context.Connection.LocalPort}/";
        }
        _issued.TryAdd(Authority(url) ?? url, true);
        return url;
    }

    public bool IsLocal(string? serviceUrl)
    {
        if (string.IsNullOrEmpty(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }
        if (_issued.ContainsKey(uri.Authority))
        {
            return true;
        }
        // After a restart, before any client has called in: a stored conversation reference (proactive
        // messages) still points at this host's loopback address.
        return (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) && ListeningPorts().Contains(uri.Port);
    }

    private HashSet<int> ListeningPorts()
    {
        var ports = new HashSet<int>();
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var colon = address.LastIndexOf(':');
            if (colon > 0 && int.TryParse(address[(colon + 1)..].TrimEnd('/'), out var port))
            {
                ports.Add(port);
            }
        }
        return ports;
    }

    private static string? Authority(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : null;
}
