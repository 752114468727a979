using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>Completed results need the shipped genre model; tests that wait for one skip without it.</summary>
public static class TestModel
{
    public const string Name = "genre-crnn";

    public static string RequireModel()
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "models", Name);
        Skip.IfNot(File.Exists(Path.Combine(directory, "model.json")),
            $"no trained model at {directory}: completed results cannot be produced until the model is shipped");
        return directory;
    }
}
