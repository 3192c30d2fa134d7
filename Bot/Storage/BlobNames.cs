using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Storage;

/// <summary>
/// Turns any storage key (any length, any characters) into a valid, unique blob name, reversibly.
/// Each UTF-8 byte of the key is kept when it is an ASCII letter, digit, '-' or '_', and written as
/// "~XX" (upper-case hex) otherwise; a '/' is kept as a folder separator (so the portal shows folders)
/// except at the start, at the end or after another '/', where it is escaped too. No name can then end
/// in '.' or '/', contain an empty, "." or ".." segment, or need URL escaping. A name longer than Azure's
/// 1,024 characters (or with more than 254 segments) keeps a readable head and ends in "~~" plus the
/// SHA-256 of the key: "~~" never occurs in an escaped key, so the two forms cannot collide.
/// </summary>
public static class BlobNames
{
    public const int MaxNameLength = 1024;
    private const int MaxSegments = 254;
    private const int HashedHeadLength = 800;

    /// <summary>The blob name for <paramref name="key"/> under <paramref name="prefix"/> (which ends in '/').</summary>
    public static string ForKey(string prefix, string key)
    {
        var escaped = Escape(key, keepSlashes: true);
        var name = prefix + escaped;
        if (name.Length <= MaxNameLength && name.Count(c => c == '/') < MaxSegments)
        {
            return name;
        }
        // A long key is one leaf (no separators in the head), and the head never ends in half an escape.
        var head = escaped.Replace("/", "~2F");
        head = head[..Math.Min(head.Length, HashedHeadLength)];
        var tilde = head.LastIndexOf('~');
        if (tilde >= 0 && tilde > head.Length - 3)
        {
            head = head[..tilde];
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return prefix + head + "~~" + hash;
    }

    /// <summary>One path segment: like <see cref="ForKey"/> but every '/' is escaped, so segments never merge.</summary>
    public static string Segment(string value) => Escape(value, keepSlashes: false);

    /// <summary>The key or segment an escaped name stands for (not for hashed names, which are one-way).</summary>
    public static string Unescape(string escaped)
    {
        var bytes = new List<byte>(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '~' && i + 2 < escaped.Length)
            {
                bytes.Add(Convert.ToByte(escaped.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)escaped[i]);
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Escape(string value, bool keepSlashes)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var result = new StringBuilder(bytes.Length + 8);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var keep = b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_'
                || (keepSlashes && b == (byte)'/' && i > 0 && i < bytes.Length - 1 && bytes[i - 1] != (byte)'/');
            if (keep)
            {
                result.Append((char)b);
            }
            else
            {
                result.Append('~').Append(b.ToString("X2"));
            }
        }
        return result.ToString();
    }
}
