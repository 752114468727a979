using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Dsp.Tests;

public sealed class TestPathsTests
{
    [Fact]
    public void Repository_root_holds_the_solution() =>
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "GenreOrleans.sln")));
}
