using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Dsp.Features;

/// <summary>What <see cref="StreamingFeatureSummary"/> returns: the summary vector and librosa's tempo and beats.</summary>
public sealed record StreamedSummary(float[] Vector, double TempoBpm, int[] BeatFrames, long FrameCount, TimeSpan Duration);

/// <summary>
/// Summarises arbitrarily long mono 22,050 Hz audio (a 2-hour DJ set) without holding its
/// spectrogram: samples are appended in chunks and analysed in blocks of
/// <c>blockSeconds</c>, each block read with enough neighbouring samples that its frames are the
/// frames of the whole signal; only the running statistics and the onset envelope (4 bytes per
/// frame, for the beat tracker) outlive a block.
/// </summary>
/// <remarks>
/// Three clip-wide quantities become per block: the 80 dB floor of mel dB (and of contrast) is
/// relative to the block's loudest frame, the tuning behind chroma is the block's, and the onset
/// envelope is aggregated per block. An input no longer than one block is summarised exactly as
/// <see cref="FeatureSummary.Compute"/> of <see cref="FeatureExtractor.Extract"/>.
/// </remarks>
public sealed class StreamingFeatureSummary
{
    private const int Hop = FeatureExtractor.HopSize;
    private const int ContextFrames = 5;   // onset strength looks 3 frames back; each frame reaches 2 hops back

    private readonly FeatureExtractor _extractor = new();
    private readonly FeatureStatistics[] _statistics = FeatureSummary.NewStatistics();
    private readonly int _blockFrames;
    private float[] _buffer;
    private int _buffered;
    private long _bufferStart;
    private long _totalSamples;
    private long _nextFrame;
    private float[] _envelope = new float[1024];
    private int _envelopeCount;
    private bool _completed;

    public StreamingFeatureSummary(double blockSeconds = 30)
    {
        _blockFrames = Math.Max(16, (int)(blockSeconds * FeatureExtractor.SampleRate / Hop));
        _buffer = new float[(_blockFrames + ContextFrames + 4) * Hop];
    }

    /// <summary>Appends the next samples of the input.</summary>
    public void Append(ReadOnlySpan<float> samples)
    {
        if (_completed) throw new InvalidOperationException("the summary is already complete");
        while (!samples.IsEmpty)
        {
            var room = _buffer.Length - _buffered;
            if (room == 0)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
                room = _buffer.Length - _buffered;
            }
            var take = Math.Min(room, samples.Length);
            samples[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            _totalSamples += take;
            samples = samples[take..];
            // A block [f0, f0 + n) is ready once the samples its last frame reaches are in.
            while (_totalSamples >= (_nextFrame + _blockFrames + 1) * Hop)
                ProcessFrames(_nextFrame, _nextFrame + _blockFrames, atEnd: false);
        }
    }

    /// <summary>Analyses what is left and returns the summary; call once, after the last <see cref="Append"/>.</summary>
    public StreamedSummary Complete()
    {
        if (_completed) throw new InvalidOperationException("the summary is already complete");
        var totalFrames = 1 + _totalSamples / Hop;
        if (_nextFrame < totalFrames) ProcessFrames(_nextFrame, totalFrames, atEnd: true);
        _completed = true;
        var beats = new LibrosaBeatTracker().Track(_envelope.AsSpan(0, _envelopeCount));
        return new StreamedSummary(
            FeatureSummary.Assemble(_statistics, beats.TempoBpm), beats.TempoBpm, beats.BeatFrames,
            totalFrames, TimeSpan.FromSeconds((double)_totalSamples / FeatureExtractor.SampleRate));
    }

    private void ProcessFrames(long firstFrame, long endFrame, bool atEnd)
    {
        var start = Math.Max(0, (firstFrame - ContextFrames) * Hop);
        var end = atEnd ? _totalSamples : (endFrame + 1) * Hop;
        var span = _buffer.AsSpan((int)(start - _bufferStart), (int)(end - start));
        var features = _extractor.Extract(span);

        // Frame j of the block is centred on sample start + j * hop, i.e. global frame start / hop + j.
        var offset = (int)(firstFrame - start / Hop);
        var count = (int)Math.Min(endFrame - firstFrame, features.FrameCount - offset);
        for (var i = 0; i < FeatureSummary.Layout.Length; i++)
            _statistics[i].Add(FeatureSummary.Layout[i].Select(features), offset, offset + count);
        AppendEnvelope(features.BeatOnsetEnvelope.AsSpan(offset, count));
        _nextFrame = firstFrame + count;

        // Keep only the samples the next block still needs.
        var keepFrom = Math.Max(0, (_nextFrame - ContextFrames) * Hop);
        var drop = (int)(keepFrom - _bufferStart);
        if (drop > 0)
        {
            Array.Copy(_buffer, drop, _buffer, 0, _buffered - drop);
            _buffered -= drop;
            _bufferStart = keepFrom;
        }
    }

    private void AppendEnvelope(ReadOnlySpan<float> values)
    {
        if (_envelopeCount + values.Length > _envelope.Length)
            Array.Resize(ref _envelope, Math.Max(_envelope.Length * 2, _envelopeCount + values.Length));
        values.CopyTo(_envelope.AsSpan(_envelopeCount));
        _envelopeCount += values.Length;
    }
}
