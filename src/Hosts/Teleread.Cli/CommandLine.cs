namespace Teleread.Cli;

public static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("teleread: placeholder");
        return Task.FromResult(0);
    }
}
