using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>Small client-side helpers over the JSON API, as a script using it would write them.</summary>
public static class TrackApi
{
    public static async Task<Guid> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var response = await client.PostAsync("/api/tracks", UploadBodies.File(bytes, fileName));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/tracks/{id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Polls until the track is Completed or Failed (the deadline only stops a hung run, it is no speed check).</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, Guid id, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var track = await GetAsync(client, id);
            var status = track.GetProperty("status").GetString();
            if (status is "Completed" or "Failed")
                return track;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"track {id} still {status} after {deadline}");
            await Task.Delay(250);
        }
    }
}
