using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Teleread.Dicom.Benchmarks;

// --generate DIR: write the synthetic files; --time DIR ct|small: read their headers once and print seconds; else BenchmarkDotNet.
if (args is ["--generate", var root])
{
    SyntheticStudies.Ensure(root);
    return 0;
}

if (args is ["--time", var dir, var set])
{
    var (ct, small) = SyntheticStudies.Ensure(dir);
    var files = set == "ct" ? ct : small;
    HeaderReader.ReadAll(files[..Math.Min(20, files.Length)]);
    var sw = Stopwatch.StartNew();
    HeaderReader.ReadAll(files);
    Console.WriteLine(sw.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(HeaderReadingBenchmarks).Assembly).Run(args);
return 0;
