namespace GenreOrleans.Web.Uploads;

/// <summary>
/// The 4-byte header of an MPEG audio frame, read only far enough to know the frame's length,
/// so that a chain of frames can be walked to tell real MP3 audio from bytes that merely start with 0xFF.
/// </summary>
public readonly record struct Mp3FrameHeader(int Version, int Layer, int BitrateKbps, int SampleRate, bool Padding)
{
    public const int Size = 4;

    // Bitrates in kbps by [version group][layer - 1][index]; version group 0 = MPEG-1, 1 = MPEG-2 and 2.5.
    private static readonly int[][][] Bitrates =
    [
        [
            [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
            [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
            [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        ],
        [
            [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
            [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
            [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        ],
    ];

    private static readonly int[] MpegOneSampleRates = [44100, 48000, 32000];

    /// <summary>Frame length in bytes, header included.</summary>
    public int FrameLength => Layer switch
    {
        1 => (12 * BitrateKbps * 1000 / SampleRate + (Padding ? 1 : 0)) * 4,
        // MPEG-2/2.5 Layer III frames carry half as many samples, hence half the bytes.
        3 when Version != 1 => 72 * BitrateKbps * 1000 / SampleRate + (Padding ? 1 : 0),
        _ => 144 * BitrateKbps * 1000 / SampleRate + (Padding ? 1 : 0),
    };

    /// <summary>Parses a header; free-format frames are refused because their length cannot be known.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        header = default;
        if (bytes.Length < Size || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
            return false;

        var versionBits = (bytes[1] >> 3) & 0x3;
        var layerBits = (bytes[1] >> 1) & 0x3;
        var bitrateIndex = bytes[2] >> 4;
        var sampleRateIndex = (bytes[2] >> 2) & 0x3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex is 0 or 15 || sampleRateIndex == 3)
            return false;

        var version = versionBits switch { 3 => 1, 2 => 2, _ => 25 };
        var layer = 4 - layerBits;
        var bitrate = Bitrates[version == 1 ? 0 : 1][layer - 1][bitrateIndex];
        var sampleRate = version switch
        {
            1 => MpegOneSampleRates[sampleRateIndex],
            2 => MpegOneSampleRates[sampleRateIndex] / 2,
            _ => MpegOneSampleRates[sampleRateIndex] / 4,
        };
        header = new Mp3FrameHeader(version, layer, bitrate, sampleRate, (bytes[2] & 0x2) != 0);
        return true;
    }
}
