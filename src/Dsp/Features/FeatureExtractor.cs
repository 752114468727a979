using System.Numerics;
using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Dsp.Spectral;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Computes every feature of a clip from one STFT pass, at parity with librosa 0.10.1 (see
/// docs/features.md): mel dB, MFCC 20 and 13, chroma with librosa's tuning estimate, spectral
/// centroid, bandwidth, roll-off, contrast and flatness, zero-crossing rate, RMS, onset strength,
/// and librosa's beat tracker; beside them, outside parity, the key-oriented
/// <see cref="Tonal.PitchClassProfile"/> of the clip. Buffers live in the instance and are reused, so the per-frame work
/// allocates nothing; only the result matrices are new. Not thread-safe: one instance per thread.
/// </summary>
/// <remarks>
/// Chroma needs the clip's tuning before any frame can be projected. Up to
/// <see cref="MaxStoredFrames"/> frames the power spectrogram is kept and projected afterwards;
/// longer inputs take a first STFT pass that only estimates the tuning, keeping memory bounded.
/// </remarks>
public sealed class FeatureExtractor
{
    public const int SampleRate = 22050;
    public const int FftSize = 2048;
    public const int HopSize = 512;
    public const int MelBands = 128;

    private readonly Stft _stft = new(FftSize, HopSize);
    private readonly MelFilterBank _melBank = new(SampleRate, FftSize, MelBands);
    private readonly PowerToDb _toDb = new(1.0, 1e-10, 80.0);
    private readonly Mfcc _mfcc = new(20, MelBands);
    private readonly SpectralCentroid _centroid = new(SampleRate, FftSize);
    private readonly SpectralBandwidth _bandwidth = new(SampleRate, FftSize);
    private readonly SpectralRolloff _rolloff = new(SampleRate, FftSize, 0.85);
    private readonly SpectralContrast _contrast = new(SampleRate, FftSize);
    private readonly SpectralFlatness _flatness = new();
    private readonly ZeroCrossingRate _zcr = new(FftSize, HopSize);
    private readonly Rms _rms = new(FftSize, HopSize);
    private readonly TuningEstimator _tuning = new(SampleRate, FftSize);
    private readonly OnsetStrength _onsetMean = new(FftSize, HopSize, OnsetAggregate.Mean);
    private readonly OnsetStrength _onsetMedian = new(FftSize, HopSize, OnsetAggregate.Median);
    private readonly LibrosaBeatTracker _beatTracker = new(SampleRate, HopSize);
    private readonly FiniteSamples _finite = new();
    private readonly Dictionary<double, ChromaStft> _chromaByTuning = new();
    private readonly PitchClassProfile _keyProfile = new(SampleRate, FftSize);
    private readonly float[] _magnitude = new float[FftSize / 2 + 1];
    // Frames are handled in pairs for mel and roll-off (see the frame loop): the even frame's
    // magnitude stays in _magnitude while the odd one is computed in _magnitudeOdd.
    private readonly float[] _magnitudeOdd = new float[FftSize / 2 + 1];
    private readonly float[] _melFrame = new float[MelBands];
    private readonly float[] _melFrameOdd = new float[MelBands];
    private readonly float[] _chromaFrame = new float[12];
    private readonly double[] _peakFrame;
    private readonly double[] _valleyFrame;
    private float[] _powerFrames = [];
    private double[] _peaks = [];
    private double[] _valleys = [];

    public FeatureExtractor(int maxStoredFrames = 8192)
    {
        MaxStoredFrames = maxStoredFrames;
        _peakFrame = new double[_contrast.RowCount];
        _valleyFrame = new double[_contrast.RowCount];
    }

    /// <summary>Longest input (in frames) whose power spectrogram is kept for chroma instead of a tuning pre-pass.</summary>
    public int MaxStoredFrames { get; }

    /// <summary>Bins per STFT frame.</summary>
    public int BinCount => _stft.BinCount;

    /// <summary>All features of mono 22,050 Hz audio. NaN and infinite samples are treated as silence.</summary>
    public AudioFeatures Extract(ReadOnlySpan<float> samples)
    {
        samples = _finite.Clean(samples);
        var frames = _stft.FrameCount(samples.Length);
        var bins = _stft.BinCount;
        var contrastRows = _contrast.RowCount;

        var melPower = new float[MelBands * frames];
        var centroid = new float[frames];
        var bandwidth = new float[frames];
        var rolloff = new float[frames];
        var flatness = new float[frames];
        var zcr = new float[frames];
        var rms = new float[frames];
        var chroma = new float[12 * frames];
        EnsureCapacity(ref _peaks, contrastRows * frames);
        EnsureCapacity(ref _valleys, contrastRows * frames);

        _tuning.Reset();
        ChromaStft? chromaStft = null;
        var storePower = frames <= MaxStoredFrames;
        if (storePower)
        {
            EnsureCapacity(ref _powerFrames, frames * bins);
        }
        else
        {
            // Long input: estimate the tuning first so that chroma can be computed frame by frame.
            Span<float> power = stackalloc float[bins];
            for (var t = 0; t < frames; t++)
            {
                _stft.Magnitude(samples, t, _magnitude);
                Square(_magnitude, power);
                _tuning.AddFrame(power);
            }
            chromaStft = ChromaFor(_tuning.Estimate());
            _keyProfile.Reset(chromaStft.Bank.Tuning);
        }

        Span<float> scratchPower = stackalloc float[storePower ? 0 : 2 * bins];
        for (var t = 0; t < frames; t++)
        {
            var odd = (t & 1) == 1;
            var magnitude = odd ? _magnitudeOdd : _magnitude;
            _stft.Magnitude(samples, t, magnitude);
            var power = storePower ? _powerFrames.AsSpan(t * bins, bins) : scratchPower.Slice(odd ? bins : 0, bins);
            Square(magnitude, power);

            // Mel and roll-off are sums whose dependent additions bound their time: an even frame
            // waits for the odd one after it, and the two frames' sums run side by side, each in
            // its own unchanged order (the last frame, if even, alone).
            if (odd)
            {
                var previous = storePower ? _powerFrames.AsSpan((t - 1) * bins, bins) : scratchPower[..bins];
                _melBank.ApplyPair(previous, power, _melFrame, _melFrameOdd);
                for (var m = 0; m < MelBands; m++)
                {
                    melPower[m * frames + t - 1] = _melFrame[m];
                    melPower[m * frames + t] = _melFrameOdd[m];
                }
                var (even, last) = _rolloff.ComputePair(_magnitude, _magnitudeOdd);
                rolloff[t - 1] = (float)even;
                rolloff[t] = (float)last;
            }
            else if (t == frames - 1)
            {
                _melBank.Apply(power, _melFrame);
                for (var m = 0; m < MelBands; m++) melPower[m * frames + t] = _melFrame[m];
                rolloff[t] = (float)_rolloff.Compute(magnitude);
            }

            var c = _centroid.Compute(magnitude);
            centroid[t] = (float)c;
            bandwidth[t] = (float)_bandwidth.Compute(magnitude, c);
            flatness[t] = (float)_flatness.Compute(magnitude);
            _contrast.Accumulate(magnitude, _peakFrame, _valleyFrame);
            for (var r = 0; r < contrastRows; r++)
            {
                _peaks[r * frames + t] = _peakFrame[r];
                _valleys[r * frames + t] = _valleyFrame[r];
            }
            zcr[t] = (float)_zcr.Compute(samples, t);
            rms[t] = (float)_rms.Compute(samples, t);

            if (storePower)
            {
                _tuning.AddFrame(power);
            }
            else
            {
                chromaStft!.ComputeFrame(power, _chromaFrame);
                for (var p = 0; p < 12; p++) chroma[p * frames + t] = _chromaFrame[p];
                _keyProfile.AddFrame(power);
            }
        }

        double tuning;
        if (storePower)
        {
            tuning = _tuning.Estimate();
            chromaStft = ChromaFor(tuning);
            _keyProfile.Reset(tuning);
            for (var t = 0; t < frames; t++)
            {
                var power = _powerFrames.AsSpan(t * bins, bins);
                chromaStft.ComputeFrame(power, _chromaFrame);
                for (var p = 0; p < 12; p++) chroma[p * frames + t] = _chromaFrame[p];
                _keyProfile.AddFrame(power);
            }
        }
        else
        {
            tuning = chromaStft!.Bank.Tuning;
        }

        _toDb.ConvertInPlace(melPower);
        var melDb = new FeatureMatrix(MelBands, frames, melPower);
        var mfcc20 = _mfcc.Compute(melDb);
        var contrast = new float[contrastRows * frames];
        SpectralContrast.ToDecibels(_peaks.AsSpan(0, contrastRows * frames), _valleys.AsSpan(0, contrastRows * frames), contrast);
        var onsetMean = _onsetMean.Compute(melDb);
        var onsetMedian = _onsetMedian.Compute(melDb);
        var beats = _beatTracker.Track(onsetMedian);

        return new AudioFeatures(
            SampleRate, samples.Length, melDb, mfcc20, Mfcc.FirstCoefficients(mfcc20, 13),
            new FeatureMatrix(12, frames, chroma),
            Row(centroid), Row(bandwidth), Row(rolloff),
            new FeatureMatrix(contrastRows, frames, contrast),
            Row(flatness), Row(zcr), Row(rms), Row(onsetMean),
            onsetMedian, tuning, beats.TempoBpm, beats.BeatFrames)
        {
            PitchClassProfile = _keyProfile.Profile.ToArray(),
        };
    }

    private static FeatureMatrix Row(float[] values) => new(1, values.Length, values);

    // |X|² from |X| in float32, as librosa squares its float32 magnitudes (SIMD: same products).
    private static void Square(ReadOnlySpan<float> magnitude, Span<float> power)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; k <= magnitude.Length - width; k += width)
            {
                var m = new Vector<float>(magnitude.Slice(k, width));
                (m * m).CopyTo(power.Slice(k, width));
            }
        }
        for (; k < magnitude.Length; k++) power[k] = magnitude[k] * magnitude[k];
    }

    private ChromaStft ChromaFor(double tuning)
    {
        if (!_chromaByTuning.TryGetValue(tuning, out var chroma))
        {
            chroma = new ChromaStft(new ChromaFilterBank(tuning, SampleRate, FftSize));
            _chromaByTuning[tuning] = chroma;
        }
        return chroma;
    }

    private static void EnsureCapacity<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
    }
}
