using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class FamilyAnswerCsvTests
{
    private static readonly string[] Families = ["House", "Techno"];

    private static readonly FamilyCheck.Clip TechnoReadAsHouse =
        new("Techno", "t1", new Dictionary<string, double> { ["House"] = 0.6251, ["Techno"] = 0.3749 }, LowConfidence: true);

    [Fact]
    public void A_row_gives_the_answer_its_probability_the_flag_and_the_tempo()
    {
        var row = FamilyAnswerCsv.Row("a/b.mp3", "techno", TechnoReadAsHouse, "deephouse", 124.96, Families);

        Assert.Equal("a/b.mp3,techno,Techno,House,true,0.625,deephouse,125.0,0.6251,0.3749", row);
    }

    [Fact]
    public void A_file_name_with_a_comma_or_a_quote_is_quoted()
    {
        var row = FamilyAnswerCsv.Row("Blues, Music \"live\".wav", "", TechnoReadAsHouse, "deephouse", 0, Families);

        Assert.StartsWith("\"Blues, Music \"\"live\"\".wav\",,Techno,", row);
    }

    [Fact]
    public void A_row_has_as_many_fields_as_the_header()
    {
        var row = FamilyAnswerCsv.Row("x.mp3", "house", TechnoReadAsHouse, "deephouse", 120, Families);

        Assert.Equal(FamilyAnswerCsv.Header(Families).Split(',').Length, row.Split(',').Length);
    }
}
