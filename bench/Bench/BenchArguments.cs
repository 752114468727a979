namespace GenreOrleans.Bench;

/// <summary>The benchmarks' options: <c>--name value</c> pairs anywhere after the benchmark's name.</summary>
internal static class BenchArguments
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent or has no value.</summary>
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
