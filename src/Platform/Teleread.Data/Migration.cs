namespace Teleread.Data;

/// <summary>One numbered schema step of one module, in one dialect.</summary>
public sealed record Migration(string Module, int Version, string Name, string Sql);
