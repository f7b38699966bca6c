return await Teleread.Cli.CommandLine.RunAsync(args);
