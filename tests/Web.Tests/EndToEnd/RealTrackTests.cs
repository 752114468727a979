using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.EndToEnd;

/// <summary>A real MP3 through the whole system: upload, co-hosted silo, decoder, features, model, result.</summary>
public sealed class RealTrackTests(GenreWebFactory factory) : IClassFixture<GenreWebFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public async Task Real_mp3_uploaded_through_the_api_completes_with_sorted_genres_tempo_and_key()
    {
        var clip = DatasetClips.RequireClip();
        TestModel.RequireModel();
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();

        var id = await TrackApi.UploadAsync(client, await File.ReadAllBytesAsync(clip), Path.GetFileName(clip));
        var track = await TrackApi.WaitUntilFinishedAsync(client, id, Deadline);

        Assert.True(track.GetProperty("status").GetString() == "Completed", $"track failed: {track.GetProperty("error")}");
        var result = track.GetProperty("result");
        var genres = result.GetProperty("genres").EnumerateArray()
            .Select(g => (Slug: g.GetProperty("slug").GetString(), Title: g.GetProperty("title").GetString()!,
                Probability: g.GetProperty("probability").GetDouble()))
            .ToList();
        Assert.True(genres.Count >= 3, "at least the top three genres are reported");
        Assert.Equal(genres.OrderByDescending(g => g.Probability).Select(g => g.Slug), genres.Select(g => g.Slug));
        Assert.InRange(genres.Sum(g => g.Probability), 0.99, 1.01);
        Assert.NotEmpty(result.GetProperty("families").EnumerateArray());
        Assert.InRange(result.GetProperty("tempoBpm").GetDouble(), 40, 250);
        Assert.False(string.IsNullOrEmpty(result.GetProperty("key").GetProperty("camelot").GetString()));
        Assert.True(track.GetProperty("file").GetProperty("durationSeconds").GetDouble() > 0);

        var page = await client.GetStringAsync($"/tracks/{id}");
        // Razor's encoder (e.g. "Bangin&#x27; Techno"), not WebUtility's ("&#39;").
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(genres[0].Title), page);
    }
}
