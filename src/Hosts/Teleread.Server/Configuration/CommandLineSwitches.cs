namespace Teleread.Server.Configuration;

/// <summary>Short command-line flags mapped onto configuration keys (the usual .NET switch mapping).</summary>
public static class CommandLineSwitches
{
    public static IDictionary<string, string> Map { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--urls"] = "urls",
        ["--data"] = "Teleread:DataDirectory",
        ["--dicom-port"] = "Teleread:Dicom:Port",
        ["--ae-title"] = "Teleread:Dicom:AeTitle",
        ["--dicom-bind"] = "Teleread:Dicom:BindAddress",
        ["--database"] = "Teleread:Database:Provider",
        ["--connection-string"] = "Teleread:Database:ConnectionString",
        ["--log-format"] = "Teleread:LogFormat",
        ["--shutdown-timeout"] = "Teleread:ShutdownTimeoutSeconds",
    };
}
