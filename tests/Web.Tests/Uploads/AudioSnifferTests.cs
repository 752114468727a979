using GenreOrleans.Tests.Shared;
using GenreOrleans.Web.Tests.Support;
using GenreOrleans.Web.Uploads;

namespace GenreOrleans.Web.Tests.Uploads;

public sealed class AudioSnifferTests
{
    private readonly AudioSniffer _sniffer = new();

    private AudioSniffResult Sniff(byte[] bytes) => _sniffer.Sniff(new MemoryStream(bytes));

    [Fact]
    public void Recognises_a_chain_of_mp3_frames()
    {
        Assert.Equal(AudioFormat.Mp3, Sniff(AudioSamples.Mp3Frames(20)).Format);
    }

    [Fact]
    public void Recognises_mp3_frames_after_an_id3_tag()
    {
        Assert.Equal(AudioFormat.Mp3, Sniff(AudioSamples.Mp3Frames(20, withId3: true)).Format);
    }

    [Fact]
    public void Recognises_wav_flac_ogg_and_m4a_by_their_magic()
    {
        Assert.Equal(AudioFormat.Wav, Sniff(AudioSamples.Wav()).Format);
        Assert.Equal(AudioFormat.Flac, Sniff([.. "fLaC"u8, 0, 0, 0, 34]).Format);
        Assert.Equal(AudioFormat.Ogg, Sniff([.. "OggS"u8, 0, 2, 0, 0]).Format);
        Assert.Equal(AudioFormat.M4a, Sniff([0, 0, 0, 0x20, .. "ftypM4A "u8]).Format);
    }

    [Fact]
    public void Refuses_an_empty_file_with_400()
    {
        Assert.Equal(400, Sniff([]).Rejection?.StatusCode);
    }

    [Fact]
    public void Refuses_html_with_415()
    {
        Assert.Equal(415, Sniff(AudioSamples.Html()).Rejection?.StatusCode);
    }

    [Fact]
    public void Refuses_random_bytes_with_415()
    {
        Assert.Equal(415, Sniff(AudioSamples.NoiseWithoutSync(50_000)).Rejection?.StatusCode);
    }

    [Fact]
    public void Refuses_an_id3_tag_without_audio_with_422()
    {
        byte[] bytes = [.. AudioSamples.Id3Tag(128), .. AudioSamples.Html()];
        Assert.Equal(422, Sniff(bytes).Rejection?.StatusCode);
    }

    [Fact]
    public void Refuses_an_mp3_cut_after_a_few_frames_with_422()
    {
        var bytes = AudioSamples.Mp3Frames(4);
        var result = Sniff(bytes[..(bytes.Length - 100)]);
        Assert.Equal(422, result.Rejection?.StatusCode);
    }

    [SkippableFact]
    public void Recognises_every_real_clip_of_the_dataset_as_mp3()
    {
        var clips = Directory.GetFiles(Path.Combine(TestPaths.RequireDataset(), "clips"), "*.mp3", SearchOption.AllDirectories);
        Assert.NotEmpty(clips);
        var missed = clips.Where(clip =>
        {
            using var file = File.OpenRead(clip);
            return _sniffer.Sniff(file).Format != AudioFormat.Mp3;
        }).ToList();
        Assert.Empty(missed);
    }

    [SkippableFact]
    public void Refuses_a_real_mp3_truncated_to_its_first_few_hundred_bytes()
    {
        var clip = Directory.GetFiles(Path.Combine(TestPaths.RequireDataset(), "clips", "acidhouse"), "*.mp3")[0];
        var head = File.ReadAllBytes(clip)[..300];
        Assert.Equal(422, Sniff(head).Rejection?.StatusCode);
    }
}
