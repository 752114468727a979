using System.Text.RegularExpressions;
using GenreOrleans.Web.Tests.Doubles;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Pages;

/// <summary>How a completed (scripted) result reads on the track page.</summary>
public sealed partial class TrackResultPageTests(ScriptedSiteFactory factory) : IClassFixture<ScriptedSiteFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    [GeneratedRegex("<li class=\"bar-row family-(\\w+)\">\\s*<span class=\"bar-label\">([^<]+) <span class=\"family-tag\">(\\w+)</span></span>.*?<span class=\"bar-value\">([^<]+)</span>", RegexOptions.Singleline)]
    private static partial Regex GenreRow();

    private async Task<string> CompletedPageAsync(HttpClient client)
    {
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "result.mp3");
        var track = await TrackApi.WaitUntilFinishedAsync(client, id, Deadline);
        Assert.Equal("Completed", track.GetProperty("status").GetString());
        return await client.GetStringAsync($"/tracks/{id}");
    }

    private static string Section(string html, string titleId)
    {
        var start = html.IndexOf($"aria-labelledby=\"{titleId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {titleId} is on the page");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public async Task Genres_read_most_likely_first_with_title_family_and_percentage()
    {
        using var client = factory.CreateClient();
        var genres = Section(await CompletedPageAsync(client), "genres-title");

        var leading = GenreRow().Matches(genres[..genres.IndexOf("<details", StringComparison.Ordinal)])
            .Select(m => (Css: m.Groups[1].Value, Title: m.Groups[2].Value, Family: m.Groups[3].Value, Percent: m.Groups[4].Value))
            .ToList();

        Assert.Equal(
            [("house", "Acid House", "House", "46%"), ("house", "Deep House", "House", "22%"), ("trance", "Goa Trance", "Trance", "12%"),
             ("techno", "Detroit Techno", "Techno", "8.0%"), ("breakbeat", "Breakbeat", "Breakbeat", "6.0%")],
            leading);
    }

    [Fact]
    public async Task Less_likely_genres_wait_behind_a_disclosure()
    {
        using var client = factory.CreateClient();
        var genres = Section(await CompletedPageAsync(client), "genres-title");

        var details = genres[genres.IndexOf("<details", StringComparison.Ordinal)..];
        Assert.Contains($"All {ScriptedTrackPipeline.Genres.Count} genres", details);
        Assert.Equal(["Ambient", "Gabber"], GenreRow().Matches(details).Select(m => m.Groups[2].Value));
    }

    [Fact]
    public async Task Families_are_sorted_and_coloured()
    {
        using var client = factory.CreateClient();
        var families = Section(await CompletedPageAsync(client), "families-title");

        var order = Regex.Matches(families, "<li class=\"bar-row family-(\\w+)\">").Select(m => m.Groups[1].Value);
        Assert.Equal(["house", "trance", "techno", "breakbeat", "downtempo", "hardcore"], order);
    }

    [Fact]
    public async Task Tempo_key_duration_and_tags_are_shown()
    {
        using var client = factory.CreateClient();
        var facts = Section(await CompletedPageAsync(client), "facts-title");

        Assert.Contains("127.9 BPM", facts);
        Assert.Contains("or 64 BPM", facts);
        Assert.Contains("<strong>F# minor</strong> <span class=\"camelot\">11A</span>", facts);
        Assert.Contains("mixes with 10A, 12A, 11B", facts);
        Assert.Contains("<dd>1:35</dd>", facts);
        Assert.Contains("Scripted &lt;b&gt;Title&lt;/b&gt;", facts);
        Assert.Contains("Scripted Artist", facts);
    }

    [Fact]
    public async Task Timeline_strip_merges_runs_of_the_same_genre()
    {
        using var client = factory.CreateClient();
        var timeline = Section(await CompletedPageAsync(client), "timeline-title");

        var rects = Regex.Matches(timeline, "<rect class=\"family-(\\w+)\" x=\"([\\d.]+)\" y=\"0\" width=\"([\\d.]+)\"")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));
        Assert.Equal([("house", "0", "631.58"), ("trance", "631.58", "368.42")], rects);
        Assert.Contains("0:00–1:00 <strong>Acid House</strong>", timeline);
    }

    [Fact]
    public async Task Confident_result_has_no_low_confidence_notice()
    {
        using var client = factory.CreateClient();
        Assert.DoesNotContain("Low confidence.", await CompletedPageAsync(client));
    }
}
