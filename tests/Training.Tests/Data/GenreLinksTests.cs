using GenreOrleans.Analysis.Model;
using GenreOrleans.Tests.Shared;
using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Tests.Data;

public sealed class GenreLinksTests
{
    private static readonly LabelMap Labels = LabelMap.FromRows([
        new GenreLabel("acidhouse", "Acid House", "House"),
        new GenreLabel("chicagohouse", "Chicago House", "House"),
        new GenreLabel("drumnbass", "Drum 'n' Bass", "Jungle"),
    ]);

    [Fact]
    public void Reads_links_as_label_index_pairs()
    {
        var links = LoadLinks("source,target\nacidhouse,chicagohouse\ndrumnbass,acidhouse\n");

        Assert.Equal([(Labels.IndexOf("acidhouse"), Labels.IndexOf("chicagohouse")), (Labels.IndexOf("drumnbass"), Labels.IndexOf("acidhouse"))], links.Pairs);
        Assert.Equal(0, links.LeftOut);
        Assert.Equal(64, links.Sha256.Length);
    }

    [Fact]
    public void Blank_unknown_self_and_repeated_links_are_left_out()
    {
        var links = LoadLinks("source,target\nacidhouse,\nacidhouse,goatrance\nacidhouse,acidhouse\nacidhouse,chicagohouse\nchicagohouse,acidhouse\n");

        Assert.Single(links.Pairs);
        Assert.Equal(4, links.LeftOut);
    }

    [Fact]
    public void A_file_without_source_and_target_columns_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => LoadLinks("from,to\nacidhouse,chicagohouse\n"));
    }

    private static GenreLinks LoadLinks(string csv)
    {
        using var folder = new TemporaryDirectory("genre-links-tests");
        var path = Path.Combine(folder.Path, "links.csv");
        File.WriteAllText(path, csv);
        return GenreLinks.Load(path, Labels);
    }
}
