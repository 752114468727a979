using System.Runtime.CompilerServices;
namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Decodes Layer III frames to PCM: side information, bit reservoir, scale factors, spectrum, stereo,
/// hybrid filter bank and polyphase synthesis. Keeps the state that links frames (reservoir, overlap, V FIFO).
/// Nothing is allocated per frame.
/// </summary>
internal sealed class Layer3FrameDecoder
{
    /// <summary>Largest main_data_begin (9 bits, MPEG-1); the reservoir never needs more history.</summary>
    private const int MaxReservoir = 511;

    private readonly byte[] _mainData = new byte[MaxReservoir + Mp3FrameReader.MaxFrameLength + MainDataReader.Padding];
    private int _mainLength;
    private readonly MainDataReader _reader = new();
    private readonly Layer3SideInfo _side = new();
    private readonly ScaleFactors[] _scalefactors = [new(), new()];
    private readonly float[] _gains = new float[576];
    private readonly float[][] _spectrum = [new float[576], new float[576]];
    private readonly HybridFilterBank[] _hybrid = [new(), new()];
    private readonly PolyphaseSynthesis[] _synthesis = [new(), new()];
    private readonly float[] _subbandSamples = new float[18 * 32];
    /// <summary>One granule of each channel before interleaving.</summary>
    private readonly float[] _planar = new float[576 * 2];
    private readonly int[] _counts = new int[2];
    private readonly bool _isoLsfIntensity;

    public Layer3FrameDecoder(Mp3DecoderOptions options) => _isoLsfIntensity = !options.Mpg123LsfIntensity;

    /// <summary>Granules (of one channel) that could not be decoded because their main data began before the stream did.</summary>
    public int MissingReservoirGranules { get; private set; }

    /// <summary>
    /// Decodes one frame into <paramref name="pcm"/> as <paramref name="outputChannels"/> interleaved channels.
    /// A mono frame in a stereo stream is written to both channels; a stereo frame in a mono stream is averaged.
    /// </summary>
    /// <returns>Samples per channel (1152 for MPEG-1, 576 for MPEG-2/2.5).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Decode(ReadOnlySpan<byte> frame, Mp3FrameHeader header, Span<float> pcm, int outputChannels)
    {
        var channels = header.Channels;
        var granules = header.IsLsf ? 1 : 2;
        var sideStart = 4 + (header.HasCrc ? 2 : 0);
        var mainStart = sideStart + header.SideInfoLength;
        if (frame.Length < mainStart || !_side.Read(frame[sideStart..], header))
        {
            // Too short or forbidden side information: the frame is silence, the reservoir is broken.
            _mainLength = 0;
            pcm[..(granules * 576 * outputChannels)].Clear();
            return granules * 576;
        }

        // Append this frame's main data behind the last MaxReservoir bytes of earlier frames.
        if (_mainLength > MaxReservoir)
        {
            Buffer.BlockCopy(_mainData, _mainLength - MaxReservoir, _mainData, 0, MaxReservoir);
            _mainLength = MaxReservoir;
        }
        var available = _mainLength;
        var main = frame[mainStart..];
        main.CopyTo(_mainData.AsSpan(_mainLength));
        _mainLength += main.Length;
        _mainData.AsSpan(_mainLength, MainDataReader.Padding).Clear();
        var dataBits = _mainLength * 8;
        var position = (available - _side.MainDataBegin) * 8;

        var midSide = header.Mode == ChannelMode.JointStereo && (header.ModeExtension & 2) != 0;
        var intensity = header.Mode == ChannelMode.JointStereo && (header.ModeExtension & 1) != 0;
        var sampleRateIndex = header.SampleRateTableIndex;
        for (var gr = 0; gr < granules; gr++)
        {
            for (var ch = 0; ch < channels; ch++)
            {
                ref var info = ref _side.Granules[gr * 2 + ch];
                var end = position + info.Part23Length;
                if (position < 0 || position >= dataBits)
                {
                    // Main data from before the start of the stream (or past the frame): nothing to decode here.
                    if (position < 0)
                        MissingReservoirGranules++;
                    _spectrum[ch].AsSpan().Clear();
                    _counts[ch] = 0;
                }
                else
                {
                    _reader.Reset(_mainData, position);
                    var scalefactors = _scalefactors[ch];
                    if (header.IsLsf)
                        scalefactors.ReadLsf(_reader, ref info, intensity && ch == 1);
                    else
                        scalefactors.ReadMpeg1(_reader, info, _side.Scfsi.AsSpan(ch * 4, 4), gr);
                    _counts[ch] = SpectrumDecoder.Decode(_reader, Math.Min(end, dataBits), info, scalefactors,
                        sampleRateIndex, header.IsLsf, _gains, _spectrum[ch]);
                }
                position = end;
            }

            if (channels == 2 && (midSide || intensity))
            {
                var count = StereoProcessor.Process(_spectrum[0], _spectrum[1], _counts[0], _counts[1], midSide, intensity,
                    _side.Granules[gr * 2 + 1], _scalefactors[1], sampleRateIndex, header.IsLsf, _isoLsfIntensity);
                _counts[0] = _counts[1] = count;
            }

            var output = pcm.Slice(gr * 576 * outputChannels, 576 * outputChannels);
            var left = _planar.AsSpan(0, 576);
            var right = _planar.AsSpan(576, 576);
            if (channels == 1)
            {
                if (outputChannels == 2)
                {
                    // Mono frame in a stereo stream: both channels' filter banks get the same spectrum (copied before
                    // the filter bank works on it in place), so each keeps a continuous state and the next stereo
                    // frame joins without a click.
                    _spectrum[0].AsSpan().CopyTo(_spectrum[1]);
                    _counts[1] = _counts[0];
                    Synthesize(0, _side.Granules[gr * 2], sampleRateIndex, left);
                    Synthesize(1, _side.Granules[gr * 2], sampleRateIndex, right);
                    PcmInterleaver.Interleave(left, right, output);
                }
                else
                {
                    Synthesize(0, _side.Granules[gr * 2], sampleRateIndex, output);
                }
            }
            else
            {
                Synthesize(0, _side.Granules[gr * 2], sampleRateIndex, left);
                Synthesize(1, _side.Granules[gr * 2 + 1], sampleRateIndex, right);
                if (outputChannels == 2)
                {
                    PcmInterleaver.Interleave(left, right, output);
                }
                else
                {
                    // Stereo frame in a mono stream: average.
                    for (var i = 0; i < 576; i++)
                        output[i] = (left[i] + right[i]) * 0.5f;
                }
            }
        }
        return granules * 576;
    }

    private void Synthesize(int ch, in GranuleChannelInfo info, int sampleRateIndex, Span<float> output)
    {
        _hybrid[ch].Process(_spectrum[ch], _counts[ch], info, sampleRateIndex, _subbandSamples);
        _synthesis[ch].SynthesizeGranule(_subbandSamples, output);
    }

    /// <summary>Forgets the reservoir, e.g. after the stream lost sync.</summary>
    public void ResetReservoir() => _mainLength = 0;
}
