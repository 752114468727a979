using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class LabelMapTests
{
    [Fact]
    public void Orders_genres_by_slug_and_maps_each_to_its_family()
    {
        var map = LabelMap.FromRows(new[]
        {
            new GenreLabel("techstep", "Techstep", "Jungle"),
            new GenreLabel("acidhouse", "Acid House", "House"),
            new GenreLabel("techstep", "Techstep", "Jungle"),
        });

        Assert.Equal(new[] { "acidhouse", "techstep" }, map.Genres.Select(g => g.Slug));
        Assert.Equal(new[] { "House", "Jungle" }, map.Families);
        Assert.Equal(1, map.FamilyOfGenre[map.IndexOf("techstep")]);
    }

    [Fact]
    public void Unknown_slug_is_an_error()
    {
        var map = LabelMap.FromRows(TinyModel.Genres);
        Assert.Throws<KeyNotFoundException>(() => map.IndexOf("polka"));
    }
}
