using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>Completed results need the shipped genre model; tests that wait for one skip without it.</summary>
public static class TestModel
{
    public static string RequireModel()
    {
        var directory = ModelLocator.TryFind(ModelLocator.DefaultModelName);
        Skip.If(directory is null,
            $"no trained model '{ModelLocator.DefaultModelName}' was found (models/{ModelLocator.DefaultModelName}/model.json or {ModelLocator.EnvironmentVariable}): completed results cannot be produced without it");
        return directory!;
    }
}
