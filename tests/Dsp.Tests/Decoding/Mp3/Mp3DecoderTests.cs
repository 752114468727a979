using System.Text;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Decoding.Mp3;

namespace GenreOrleans.Dsp.Tests.Decoding.Mp3;

public class Mp3DecoderTests
{
    private const string Stereo = "mpeg1-44k-no-xing";
    private const string Mono = "mpeg1-44k-mono-no-xing";

    [Fact]
    public void Reports_rate_channels_bitrate_and_duration_up_front()
    {
        using var decoder = new Mp3Decoder(new MemoryStream(Mp3Fixtures.Bytes("mpeg2-22k-joint-cbr48")));
        Assert.Equal(("mp3", 22050, 2, 48), (decoder.Info.Format, decoder.Info.SampleRate, decoder.Info.Channels, decoder.Info.BitrateKbps));
        // Frames this small have no room for a LAME tag: the duration is estimated from the size and bitrate.
        Assert.InRange(decoder.Info.EstimatedDuration.TotalSeconds, 0.8, 0.9);
    }

    [Fact]
    public void Takes_the_exact_duration_of_a_vbr_file_from_its_lame_tag()
    {
        using var decoder = new Mp3Decoder(new MemoryStream(Mp3Fixtures.Bytes("mpeg1-44k-vbr-v2")));
        Assert.Equal(26460, (int)Math.Round(decoder.Info.EstimatedDuration.TotalSeconds * 44100));
    }

    [Fact]
    public void Trims_encoder_delay_and_padding_like_mpg123()
    {
        // 0.6 s at 44.1 kHz is 26460 samples per channel; without trimming it would be whole frames of 1152.
        Assert.Equal(26460 * 2, ReferenceComparison.DecodeOurs(Mp3Fixtures.Bytes("mpeg1-44k-joint-cbr128")).Length);
    }

    [Fact]
    public void Skips_id3v2_apev2_and_id3v1_tags_and_reads_title_artist_and_genre()
    {
        var plain = Mp3Fixtures.Bytes(Stereo);
        byte[] tagged = [.. Id3v24WithFooter(("TIT2", "Nightfall"), ("TPE1", "Someone"), ("TCON", "(18)")), .. plain, .. ApeV2(), .. Id3v1("Other title")];

        using var decoder = new Mp3Decoder(new MemoryStream(tagged));
        Assert.Equal(("Nightfall", "Someone", "Techno"), (decoder.Info.Title, decoder.Info.Artist, decoder.Info.Genre));
        Assert.Equal(ReferenceComparison.DecodeOurs(plain), ReferenceComparison.DecodeOurs(tagged));
    }

    [Fact]
    public void Reads_id3v1_when_there_is_no_id3v2()
    {
        byte[] tagged = [.. Mp3Fixtures.Bytes(Stereo), .. Id3v1("Only v1")];
        using var decoder = new Mp3Decoder(new MemoryStream(tagged));
        // ID3v1 sits at the end, which a forward-only reader meets last; the info is read up front from ID3v2 only.
        Assert.Null(decoder.Info.Title);
        Assert.Equal(ReferenceComparison.DecodeOurs(Mp3Fixtures.Bytes(Stereo)).Length, ReferenceComparison.DecodeOurs(tagged).Length);
    }

    [Fact]
    public void Resynchronises_after_garbage_between_frames_without_losing_audio()
    {
        var plain = Mp3Fixtures.Bytes(Stereo);
        var offsets = Mp3Fixtures.FrameOffsets(plain);
        var garbage = new byte[777];
        new Random(3).NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] == 0xFF)
                garbage[i] = 0x17;
        }
        byte[] damaged = [.. plain.AsSpan(0, offsets[7]), .. garbage, .. plain.AsSpan(offsets[7])];

        // The frames are intact and so is the reservoir they point into: the output is the same.
        Assert.Equal(ReferenceComparison.DecodeOurs(plain), ReferenceComparison.DecodeOurs(damaged));
    }

    [Fact]
    public void Drops_a_last_frame_cut_off_by_the_end_of_the_file()
    {
        var plain = Mp3Fixtures.Bytes(Stereo);
        var offsets = Mp3Fixtures.FrameOffsets(plain);
        var cut = plain[..(offsets[^1] + 20)];
        Assert.Equal((offsets.Count - 1) * 1152 * 2, ReferenceComparison.DecodeOurs(cut).Length);
    }

    [Fact]
    public void Decodes_what_it_can_when_main_data_begins_before_the_file()
    {
        using var decoder = new Mp3Decoder(new MemoryStream(Mp3Fixtures.Bytes("mpeg1-44k-cut-reservoir")));
        var samples = WavBytes.ReadAll(decoder);
        Assert.True(decoder.MissingReservoirGranules > 0);
        Assert.Equal(Mp3Fixtures.FrameOffsets(Mp3Fixtures.Bytes("mpeg1-44k-cut-reservoir")).Count * 1152 * 2, samples.Length);
    }

    [Fact]
    public void Mono_frames_inside_a_stereo_stream_are_written_to_both_channels_without_a_gap()
    {
        // mpg123 changes its output format at such a switch, so the expectation is built from the parts:
        // the concatenation decodes to exactly the sum of the parts' frames, and away from the joins
        // (where the filter banks carry the previous part's tail) each part sounds as it does alone.
        var stereo = Mp3Fixtures.Bytes(Stereo);
        var mono = Mp3Fixtures.Bytes(Mono);
        var stereoAlone = ReferenceComparison.DecodeOurs(stereo);
        var monoAlone = ReferenceComparison.DecodeOurs(mono);
        var output = ReferenceComparison.DecodeOurs([.. stereo, .. mono, .. stereo]);

        var stereoFrames = stereoAlone.Length / 2;
        Assert.Equal(2 * (2 * stereoFrames + monoAlone.Length), output.Length);
        var monoPart = Enumerable.Range(0, monoAlone.Length).Select(i => output[2 * (stereoFrames + i)]).ToArray();
        var monoRight = Enumerable.Range(0, monoAlone.Length).Select(i => output[2 * (stereoFrames + i) + 1]).ToArray();
        Assert.Equal(monoPart, monoRight);
        var settled = 1152; // one frame after the join
        var comparison = ReferenceComparison.Compare("mono part", monoPart[settled..], monoAlone[settled..]);
        Assert.True(comparison.IsFullAccuracy, comparison.ToString());
        var lastStereo = output[(2 * (stereoFrames + monoAlone.Length) + 2 * settled)..];
        var stereoComparison = ReferenceComparison.Compare("stereo after mono", lastStereo, stereoAlone[(2 * settled)..]);
        Assert.True(stereoComparison.IsFullAccuracy, stereoComparison.ToString());
    }

    [Fact]
    public void Free_format_stream_is_decoded_with_the_frame_length_found_from_the_next_sync()
    {
        var bytes = Mp3Fixtures.Bytes("mpeg1-44k-free-format");
        Assert.True(Mp3FrameHeader.TryParse(bytes, out var header) && header.IsFreeFormat);
        using var decoder = new Mp3Decoder(new MemoryStream(bytes));
        Assert.Equal(22050 * 2, WavBytes.ReadAll(decoder).Length);
    }

    [Fact]
    public void Stream_without_frames_is_a_typed_error()
    {
        var error = Assert.Throws<AudioDecodingException>(() => new Mp3Decoder(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', 5000)))));
        Assert.Contains("no MPEG audio frame", error.Message);
    }

    [Fact]
    public void AudioDecoder_opens_mp3_with_the_own_decoder()
    {
        using var decoder = AudioDecoder.Open(new MemoryStream(Mp3Fixtures.Bytes("mpeg1-32k-mono-cbr64")));
        Assert.IsType<Mp3Decoder>(decoder);
        Assert.Equal((32000, 1), (decoder.Info.SampleRate, decoder.Info.Channels));
    }

    private static byte[] Id3v24WithFooter(params (string Id, string Text)[] frames)
    {
        using var body = new MemoryStream();
        foreach (var (id, text) in frames)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            body.Write(Encoding.ASCII.GetBytes(id));
            body.Write(Syncsafe(payload.Length + 1));
            body.Write([0, 0, 3]); // flags, UTF-8
            body.Write(payload);
        }
        body.Write(new byte[32]); // padding
        var size = Syncsafe((int)body.Length);
        byte[] header = [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0x10, .. size];
        byte[] footer = [(byte)'3', (byte)'D', (byte)'I', 4, 0, 0x10, .. size];
        return [.. header, .. body.ToArray(), .. footer];
    }

    private static byte[] Syncsafe(int value) => [(byte)(value >> 21 & 0x7F), (byte)(value >> 14 & 0x7F), (byte)(value >> 7 & 0x7F), (byte)(value & 0x7F)];

    private static byte[] ApeV2()
    {
        // Header, one item, footer; the header flag (bit 29) marks the first 32 bytes.
        byte[] item = [5, 0, 0, 0, 0, 0, 0, 0, .. "Title"u8.ToArray(), 0, .. "Hello"u8.ToArray()];
        byte[] Block(bool isHeader) =>
        [
            .. "APETAGEX"u8, .. BitConverter.GetBytes(2000), .. BitConverter.GetBytes(item.Length + 32),
            .. BitConverter.GetBytes(1), .. BitConverter.GetBytes(isHeader ? (1u << 31) | (1u << 29) : 1u << 31), .. new byte[8],
        ];
        return [.. Block(true), .. item, .. Block(false)];
    }

    private static byte[] Id3v1(string title)
    {
        var tag = new byte[128];
        "TAG"u8.CopyTo(tag);
        Encoding.ASCII.GetBytes(title).CopyTo(tag, 3);
        tag[127] = 18;
        return tag;
    }
}
