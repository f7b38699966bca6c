using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Teleread.Imaging.Benchmarks.RenderingBenchmarks).Assembly).Run(args);
