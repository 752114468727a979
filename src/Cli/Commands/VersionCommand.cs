using System.CommandLine;
using System.Reflection;

namespace GenreOrleans.Cli.Commands;

/// <summary><c>genre version</c>: prints the tool's version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of this tool.");
        command.SetAction(_ =>
        {
            var version = Assembly.GetExecutingAssembly().GetName().Version;
            Console.WriteLine($"genre {version}");
            return 0;
        });
        return command;
    }
}
