using System.Buffers.Binary;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Decoding.Wav;

namespace GenreOrleans.Dsp.Tests.Decoding;

public class WavReaderTests
{
    [Fact]
    public void Reads_16_bit_stereo_pcm_scaled_to_unit_range()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt16LittleEndian(data, short.MinValue);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2), 16384);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(4), -1);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(6), short.MaxValue);
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(1, 2, 44100, 16, data)));

        Assert.Equal(2, reader.Info.Channels);
        Assert.Equal(44100, reader.Info.SampleRate);
        Assert.Equal([-1f, 0.5f, -1f / 32768, 32767f / 32768], WavBytes.ReadAll(reader));
    }

    [Fact]
    public void Reads_8_bit_unsigned_pcm()
    {
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(1, 1, 8000, 8, [0, 128, 192])));
        Assert.Equal([-1f, 0f, 0.5f], WavBytes.ReadAll(reader));
    }

    [Fact]
    public void Reads_24_bit_pcm_with_sign_extension()
    {
        byte[] data = [0x00, 0x00, 0x80, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x40];
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(1, 1, 48000, 24, data)));
        Assert.Equal([-1f, 8388607f / 8388608, 0.5f], WavBytes.ReadAll(reader));
    }

    [Fact]
    public void Reads_32_bit_integer_pcm()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(data, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), 1 << 30);
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(1, 1, 48000, 32, data)));
        Assert.Equal([-1f, 0.5f], WavBytes.ReadAll(reader));
    }

    [Fact]
    public void Reads_ieee_float_samples_unchanged()
    {
        var data = new byte[12];
        BinaryPrimitives.WriteSingleLittleEndian(data, 0.25f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), -1.5f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(8), 1e-6f);
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(3, 1, 22050, 32, data)));
        Assert.Equal([0.25f, -1.5f, 1e-6f], WavBytes.ReadAll(reader));
    }

    [Fact]
    public void Reads_wave_format_extensible_with_float_sub_format()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(data, 0.125f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), -0.125f);
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(0, 2, 96000, 32, data, extensible: true, subFormat: 3)));
        Assert.Equal(96000, reader.Info.SampleRate);
        Assert.Equal([0.125f, -0.125f], WavBytes.ReadAll(reader));
    }

    [Fact]
    public void Reads_title_artist_and_genre_from_list_info()
    {
        var info = WavBytes.InfoChunk("Song", "Someone", "Techno");
        using var reader = new WavReader(new MemoryStream(WavBytes.Build(1, 1, 8000, 16, new byte[4], extraChunk: info)));
        Assert.Equal(("Song", "Someone", "Techno"), (reader.Info.Title, reader.Info.Artist, reader.Info.Genre));
    }

    [Fact]
    public void Truncated_data_ends_at_the_last_whole_sample_frame()
    {
        var bytes = WavBytes.Build(1, 2, 8000, 16, new byte[40]);
        using var reader = new WavReader(new MemoryStream(bytes[..^5]));
        Assert.Equal(16, WavBytes.ReadAll(reader).Length); // 35 bytes hold 8 stereo frames
    }

    [Fact]
    public void Rejects_compressed_wav_formats_with_a_typed_error()
    {
        var bytes = WavBytes.Build(0x55, 2, 44100, 16, new byte[4]);
        var error = Assert.Throws<AudioDecodingException>(() => new WavReader(new MemoryStream(bytes)));
        Assert.Contains("0x0055", error.Message);
    }

    [Fact]
    public void Rejects_a_header_without_data_chunk()
    {
        var bytes = WavBytes.Build(1, 1, 8000, 16, [])[..36];
        Assert.Throws<AudioDecodingException>(() => new WavReader(new MemoryStream(bytes)));
    }
}
