using System.Net;
using System.Net.Http.Json;
using GenreOrleans.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace GenreOrleans.Web.Tests.Api;

/// <summary>Every kind of bad upload gets its own 4xx answer and a sentence saying why, and nothing is kept.</summary>
public sealed class UploadRejectionApiTests(UploadRejectionApiTests.Factory factory) : IClassFixture<UploadRejectionApiTests.Factory>
{
    public const long MaxBytes = 256 * 1024;

    public sealed class Factory : GenreWebFactory
    {
        public Factory() => With("Upload:MaxBytes", MaxBytes.ToString()).With("Upload:UploadsPerWindow", "1000");
    }

    private async Task<(HttpStatusCode Status, ProblemDetails? Problem)> PostAsync(HttpContent content)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/tracks", content);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ProblemDetails>()
            : null;
        return (response.StatusCode, problem);
    }

    private void AssertNothingKept() =>
        Assert.Empty(Directory.Exists(factory.UploadsDirectory) ? Directory.GetFiles(factory.UploadsDirectory) : []);

    [Fact]
    public async Task Empty_file_is_refused_with_400()
    {
        var (status, problem) = await PostAsync(UploadBodies.File([]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("empty", problem?.Detail);
        AssertNothingKept();
    }

    [Fact]
    public async Task Html_renamed_to_mp3_is_refused_with_415()
    {
        var (status, problem) = await PostAsync(UploadBodies.File(AudioSamples.Html(), "song.mp3"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("not an audio file", problem?.Detail);
        AssertNothingKept();
    }

    [Fact]
    public async Task Random_bytes_are_refused_with_415()
    {
        var (status, _) = await PostAsync(UploadBodies.File(AudioSamples.NoiseWithoutSync(20_000), "noise.wav"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Id3_tag_without_audio_is_refused_with_422()
    {
        var (status, problem) = await PostAsync(UploadBodies.File([.. AudioSamples.Id3Tag(256), .. AudioSamples.Html()]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("corrupt or truncated", problem?.Detail);
        AssertNothingKept();
    }

    [Fact]
    public async Task Mp3_cut_after_a_few_frames_is_refused_with_422()
    {
        var frames = AudioSamples.Mp3Frames(3);
        var (status, _) = await PostAsync(UploadBodies.File(frames[..^50]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task File_over_the_size_limit_is_refused_with_413()
    {
        var (status, problem) = await PostAsync(UploadBodies.File(AudioSamples.Mp3Frames((int)(MaxBytes / AudioSamples.Mp3FrameLength) + 10)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than the limit", problem?.Detail);
        AssertNothingKept();
    }

    [Fact]
    public async Task File_over_the_size_limit_without_content_length_is_cut_off_with_413()
    {
        var (status, _) = await PostAsync(UploadBodies.StreamedFile(AudioSamples.Mp3Frames((int)(MaxBytes / AudioSamples.Mp3FrameLength) + 10)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AssertNothingKept();
    }

    [Fact]
    public async Task Body_that_is_not_multipart_is_refused_with_400()
    {
        var (status, problem) = await PostAsync(new ByteArrayContent(AudioSamples.Mp3Frames(20)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("multipart/form-data", problem?.Detail);
    }

    [Fact]
    public async Task Multipart_without_a_file_field_is_refused_with_400()
    {
        var (status, problem) = await PostAsync(UploadBodies.File(AudioSamples.Mp3Frames(20), field: "audio"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("No file", problem?.Detail);
    }

    [Fact]
    public async Task Multipart_with_an_oversized_field_header_is_refused_with_400()
    {
        var content = UploadBodies.File(AudioSamples.Mp3Frames(20), fileName: new string('x', 40_000) + ".mp3");
        var (status, _) = await PostAsync(content);
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
