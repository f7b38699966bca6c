using System.Reflection;

namespace Teleread.Architecture.Tests;

/// <summary>The reference rules of docs/architecture.md, checked on the built assemblies.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Server = typeof(Teleread.Server.TelereadServer).Assembly;

    private static HashSet<string> TelereadReferences(string assemblyName) =>
        Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Teleread.", StringComparison.Ordinal)).ToHashSet();

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    [Fact]
    public void Dicom_core_references_nothing_of_Teleread() =>
        Assert.Empty(TelereadReferences("Teleread.Dicom"));

    [Theory]
    [InlineData("Teleread.Dicom.Json")]
    [InlineData("Teleread.Dicom.Network")]
    public void Dicom_protocol_libraries_reference_only_the_dicom_core(string name) =>
        Assert.Subset(new HashSet<string> { "Teleread.Dicom" }, TelereadReferences(name));

    [Fact]
    public void Data_abstraction_knows_no_provider()
    {
        var refs = Load("Teleread.Data").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(refs, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || r.Contains("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(TelereadReferences("Teleread.Data"));
    }

    [Theory]
    [InlineData("Teleread.Data.Sqlite", "Microsoft.Data.Sqlite")]
    [InlineData("Teleread.Data.Postgres", "Npgsql")]
    public void Each_dialect_references_exactly_its_own_provider(string dialect, string provider)
    {
        var refs = Load(dialect).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains(provider, refs);
        Assert.DoesNotContain(refs, r => r is "Npgsql" or "Microsoft.Data.Sqlite" && r != provider);
    }

    [Fact]
    public void Reading_workflow_knows_no_dicom_and_no_http()
    {
        var refs = Load("Teleread.Reading").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(refs, r => r.StartsWith("Teleread.Dicom", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_server_and_the_cli_reference_aspnetcore()
    {
        var offenders = new[] { "Teleread.Dicom", "Teleread.Dicom.Json", "Teleread.Dicom.Network", "Teleread.Data", "Teleread.Identity", "Teleread.Archive", "Teleread.Reading" }
            .Where(n => Load(n).GetReferencedAssemblies().Any(a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offenders);
        Assert.Contains(Server.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
