namespace Teleread.Server.Apis;

/// <summary>What a registered DICOM node must look like: an AE title of PS3.5 (1–16 characters, no backslash or control characters, not only spaces), a host and a TCP port.</summary>
public static class DicomNodeValidation
{
    /// <summary>Null when valid, otherwise what is wrong.</summary>
    public static string? Check(string? aeTitle, string? host, int port)
    {
        var ae = aeTitle?.Trim() ?? "";
        if (ae.Length is 0 or > 16 || ae.Any(c => c == '\\' || char.IsControl(c) || c > 0x7E))
        {
            return "aeTitle must be 1 to 16 printable ASCII characters without a backslash.";
        }

        var h = host?.Trim() ?? "";
        if (h.Length is 0 or > 253 || h.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "host must be a host name or IP address.";
        }

        return port is < 1 or > 65535 ? "port must be between 1 and 65535." : null;
    }
}
