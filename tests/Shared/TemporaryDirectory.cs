namespace GenreOrleans.Tests.Shared;

/// <summary>
/// A fresh folder under the system temp directory, <c>&lt;prefix&gt;-&lt;guid&gt;</c>, removed with
/// everything in it on dispose: <c>using var directory = new TemporaryDirectory("genre-analysis-tests");</c>
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix = "genre-tests") =>
        Path = Directory.CreateDirectory(
            System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}")).FullName;

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside this folder (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public override string ToString() => Path;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open (a pooled connection, a log); the OS temp cleanup takes it.
        }
    }
}
