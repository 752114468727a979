namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The 32-bit header that starts every MPEG audio frame (ISO 11172-3 2.4.1.3, 13818-3 2.4.1.3).
/// <see cref="FrameLength"/> is 0 for free-format frames, whose length is found from the next sync word.
/// </summary>
public readonly struct Mp3FrameHeader
{
    private static readonly short[,] BitratesKbps =
    {
        // MPEG-1 layer I, II, III
        { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448 },
        { 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384 },
        { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 },
        // MPEG-2/2.5 layer I, II, III
        { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256 },
        { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 },
        { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 },
    };

    private static readonly int[] SampleRatesMpeg1 = [44100, 48000, 32000];

    private readonly uint _bits;

    private Mp3FrameHeader(uint bits) => _bits = bits;

    public uint Bits => _bits;
    public MpegVersion Version => ((_bits >> 19) & 3) switch { 3 => MpegVersion.Mpeg1, 2 => MpegVersion.Mpeg2, _ => MpegVersion.Mpeg25 };
    public bool IsLsf => Version != MpegVersion.Mpeg1;

    /// <summary>1, 2 or 3.</summary>
    public int Layer => 4 - (int)((_bits >> 17) & 3);

    public bool HasCrc => ((_bits >> 16) & 1) == 0;
    public int BitrateIndex => (int)((_bits >> 12) & 15);
    public int SampleRateIndex => (int)((_bits >> 10) & 3);
    public bool Padding => ((_bits >> 9) & 1) != 0;
    public ChannelMode Mode => (ChannelMode)((_bits >> 6) & 3);
    public int ModeExtension => (int)((_bits >> 4) & 3);
    public int Channels => Mode == ChannelMode.Mono ? 1 : 2;
    public bool IsFreeFormat => BitrateIndex == 0;

    public int BitrateKbps => BitratesKbps[(IsLsf ? 3 : 0) + Layer - 1, BitrateIndex];

    public int SampleRate => SampleRatesMpeg1[SampleRateIndex] >> (int)Version;

    /// <summary>Index 0..8 over the nine sampling rates: MPEG-1 (0..2), MPEG-2 (3..5), MPEG-2.5 (6..8).</summary>
    public int SampleRateTableIndex => (int)Version * 3 + SampleRateIndex;

    public int SamplesPerFrame => Layer == 1 ? 384 : Layer == 3 && IsLsf ? 576 : 1152;

    /// <summary>Bytes of Layer III side information after the header and CRC.</summary>
    public int SideInfoLength => IsLsf ? (Channels == 1 ? 9 : 17) : (Channels == 1 ? 17 : 32);

    /// <summary>Whole frame length in bytes including the header, or 0 for free format.</summary>
    public int FrameLength => IsFreeFormat ? 0 : LengthForBitrate(BitrateKbps * 1000);

    /// <summary>Frame length of this header at a given bitrate in bits per second (also used for free format).</summary>
    public int LengthForBitrate(int bitsPerSecond)
    {
        var pad = Padding ? 1 : 0;
        return Layer switch
        {
            1 => (12 * bitsPerSecond / SampleRate + pad) * 4,
            3 when IsLsf => 72 * bitsPerSecond / SampleRate + pad,
            _ => 144 * bitsPerSecond / SampleRate + pad,
        };
    }

    /// <summary>Parses four bytes; false when they are not a valid header (bad sync, reserved or forbidden values).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        header = default;
        if (bytes.Length < 4)
            return false;
        var bits = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return TryParse(bits, out header);
    }

    public static bool TryParse(uint bits, out Mp3FrameHeader header)
    {
        header = new Mp3FrameHeader(bits);
        return (bits & 0xFFE00000) == 0xFFE00000
            && ((bits >> 19) & 3) != 1    // reserved version
            && ((bits >> 17) & 3) != 0    // reserved layer
            && ((bits >> 12) & 15) != 15  // forbidden bitrate
            && ((bits >> 10) & 3) != 3    // reserved sample rate
            && (bits & 3) != 2;           // reserved emphasis
    }

    /// <summary>
    /// Whether another header can belong to the same stream: same version, layer and sampling rate.
    /// Mode and bitrate may change from frame to frame.
    /// </summary>
    public bool IsCompatibleWith(Mp3FrameHeader other) =>
        (_bits & 0xFFFE0C00) == (other._bits & 0xFFFE0C00) && (IsFreeFormat == other.IsFreeFormat);

    public override string ToString() =>
        $"MPEG-{(Version switch { MpegVersion.Mpeg1 => "1", MpegVersion.Mpeg2 => "2", _ => "2.5" })} layer {Layer} {BitrateKbps} kbps {SampleRate} Hz {Mode}";
}
