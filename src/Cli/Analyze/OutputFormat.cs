namespace GenreOrleans.Cli.Analyze;

internal enum OutputFormat
{
    Text,
    Json,
    Csv,
}
