using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// A key-oriented pitch-class profile of a whole clip, accumulated frame by frame from power
/// spectra (the STFT the features already compute). It differs from the parity chroma
/// (<see cref="ChromaStft"/>) where key estimation literature shows it matters:
/// <list type="number">
/// <item>only spectral peaks (parabolically interpolated in frequency) between 55 Hz and 3.5 kHz
/// are mapped, to the nearest semitone of the clip's tuning with a cos² weight, as in Gómez's
/// HPCP and Faraldo et al.'s EDM key estimator (which also starts low, for the bass);</item>
/// <item>each frame is scaled to unit maximum, so quiet passages count as much as loud ones;</item>
/// <item>a running mean over an octave of neighbouring semitones is subtracted (spectral
/// whitening, as in Mauch and Dixon's NNLS chroma and Faraldo's estimator), which removes
/// broadband drum and noise energy;</item>
/// <item>each semitone is median-filtered along time (the harmonic half of Fitzgerald's
/// median-filtering harmonic/percussive separation): notes held for several frames stay, hits do not.</item>
/// </list>
/// The median filter runs on a ring buffer, so streams of any length are summarised in constant
/// memory; <see cref="AddFrame"/> allocates nothing. Not thread-safe: one instance per thread.
/// </summary>
public sealed class PitchClassProfile
{
    private readonly PitchClassProfileOptions _options;
    private readonly double _binHz;
    private readonly int _firstBin;
    private readonly int _lastBin;
    private readonly int _lowNote;
    private readonly int _noteCount;
    // Ring rows padded to whole float vectors, so the median network covers every semitone.
    private readonly int _stride;
    private readonly double[] _magnitude;
    private readonly double[] _notes;
    private readonly double[] _whitened;
    private readonly double[] _windowSum;
    private readonly double[] _windowCount;
    private readonly float[] _ring;
    private readonly float[] _medianScratch;
    private readonly double[] _profile = new double[12];
    private readonly double[] _partialHz;
    private readonly double[] _partialEnergy;
    private readonly double[] _partialNote;
    private readonly double[] _partialWeight;
    private double _a440 = 440;
    private int _framesInRing;
    private int _ringStart;

    public PitchClassProfile(double sampleRate = 22050, int fftSize = 2048, PitchClassProfileOptions? options = null)
    {
        _options = options ?? new PitchClassProfileOptions();
        if (_options.HarmonicMedianFrames < 1 || _options.HarmonicMedianFrames % 2 == 0)
            throw new ArgumentException("HarmonicMedianFrames must be odd and positive.", nameof(options));
        if (!(_options.MinHz > 0) || !(_options.MaxHz > _options.MinHz))
            throw new ArgumentException("PitchClassProfileOptions needs 0 < MinHz < MaxHz.", nameof(options));
        _binHz = sampleRate / fftSize;
        var bins = fftSize / 2 + 1;
        _firstBin = Math.Max(1, (int)Math.Floor(_options.MinHz / _binHz));
        _lastBin = Math.Max(_firstBin, Math.Min(bins - 2, (int)Math.Ceiling(_options.MaxHz / _binHz)));
        // Semitones (MIDI numbers) that any tuning within half a semitone can reach.
        _lowNote = (int)Math.Floor(69 + 12 * Math.Log2(_options.MinHz / 440)) - 1;
        var highNote = (int)Math.Ceiling(69 + 12 * Math.Log2(_options.MaxHz / 440)) + 1;
        _noteCount = highNote - _lowNote + 1;
        _magnitude = new double[bins];
        _notes = new double[_noteCount];
        var width = Vector<float>.Count;
        _stride = (_noteCount + width - 1) / width * width;
        _whitened = new double[_stride];
        _windowSum = new double[_noteCount];
        _windowCount = new double[_noteCount];
        var half = _options.WhiteningSemitones;
        for (var n = 0; n < _noteCount; n++)
            _windowCount[n] = Math.Min(_noteCount - 1, n + half) - Math.Max(0, n - half) + 1;
        _ring = new float[_options.HarmonicMedianFrames * _stride];
        _medianScratch = new float[_options.HarmonicMedianFrames];
        // At most one partial per bin (every bin, when PeaksOnly is off).
        _partialHz = new double[bins];
        _partialEnergy = new double[bins];
        _partialNote = new double[bins];
        _partialWeight = new double[bins];
    }

    /// <summary>Frames added since the last <see cref="Reset"/>.</summary>
    public int FrameCount { get; private set; }

    /// <summary>The clip's 12-value profile (index 0 = C), for <see cref="KeyDetector.DetectFromProfile"/>.</summary>
    public ReadOnlySpan<double> Profile => _profile;

    /// <summary>Starts a new clip whose tuning deviation from A440 is <paramref name="tuning"/> semitones (as <see cref="TuningEstimator"/> reports it).</summary>
    public void Reset(double tuning = 0)
    {
        _a440 = 440 * Math.Pow(2, (double.IsFinite(tuning) ? Math.Clamp(tuning, -0.5, 0.5) : 0) / 12);
        Array.Clear(_profile);
        _framesInRing = 0;
        _ringStart = 0;
        FrameCount = 0;
    }

    /// <summary>Adds one power spectrum frame (|X|², n_fft/2 + 1 bins).</summary>
    public void AddFrame(ReadOnlySpan<float> power)
    {
        FrameCount++;
        SemitoneSpectrum(power);
        var length = _options.HarmonicMedianFrames;
        if (length == 1)
        {
            Fold(_notes);
            return;
        }
        // Ring buffer of the last `length` semitone spectra. Once full, each new frame emits the
        // median of the window; before that, the first frames are emitted with the frames they
        // have, so that clips shorter than the window still count.
        int slot;
        if (_framesInRing == length)
        {
            slot = _ringStart;
            _ringStart = (_ringStart + 1) % length;
        }
        else
        {
            slot = (_ringStart + _framesInRing) % length;
            _framesInRing++;
        }
        var row = _ring.AsSpan(slot * _stride, _noteCount);
        for (var n = 0; n < _noteCount; n++) row[n] = (float)_notes[n];
        if (_framesInRing == length || FrameCount <= length / 2)
            EmitMedian();
    }

    private void SemitoneSpectrum(ReadOnlySpan<float> power)
    {
        Array.Clear(_notes);
        var last = Math.Min(_lastBin, power.Length - 2);
        var k0 = _firstBin - 1;
        if (Vector.IsHardwareAccelerated)
        {
            // Same values as the scalar loop below (sqrt is exactly rounded), 8 bins at a time:
            // non-positive, infinite and NaN powers give 0.
            var width = Vector<float>.Count;
            var lanes = Vector<double>.Count;
            var infinity = new Vector<float>(float.PositiveInfinity);
            for (; k0 <= last + 2 - width; k0 += width)
            {
                var p = new Vector<float>(power.Slice(k0, width));
                var usable = Vector.BitwiseAnd(Vector.GreaterThan(p, Vector<float>.Zero), Vector.LessThan(p, infinity));
                Vector.Widen(Vector.ConditionalSelect(usable, p, Vector<float>.Zero), out var low, out var high);
                Vector.SquareRoot(low).CopyTo(_magnitude, k0);
                Vector.SquareRoot(high).CopyTo(_magnitude, k0 + lanes);
            }
        }
        for (; k0 <= last + 1; k0++)
            _magnitude[k0] = power[k0] > 0 && float.IsFinite(power[k0]) ? Math.Sqrt(power[k0]) : 0;

        var partials = 0;
        var k = _firstBin;
        if (_options.PeaksOnly && Vector256.IsHardwareAccelerated)
        {
            // Peak test four bins at a time (the same comparisons); the peaks found are then
            // interpolated one by one in ascending order, exactly as the scalar loop below.
            ref var magnitude = ref MemoryMarshal.GetArrayDataReference(_magnitude);
            for (; k <= last - 3; k += 4)
            {
                var m = Vector256.LoadUnsafe(ref magnitude, (nuint)k);
                var peaks = Vector256.GreaterThan(m, Vector256.LoadUnsafe(ref magnitude, (nuint)(k - 1)))
                    & Vector256.GreaterThanOrEqual(m, Vector256.LoadUnsafe(ref magnitude, (nuint)(k + 1)));
                for (var bits = peaks.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                    partials = AddPeak(k + BitOperations.TrailingZeroCount(bits), partials);
            }
        }
        for (; k <= last; k++)
        {
            if (_options.PeaksOnly)
            {
                var m = _magnitude[k];
                if (m > _magnitude[k - 1] && m >= _magnitude[k + 1])
                    partials = AddPeak(k, partials);
            }
            else
            {
                var m = _magnitude[k];
                if (!(m > 0)) continue;
                var hz = k * _binHz;
                if (hz < _options.MinHz || hz > _options.MaxHz)
                    continue;
                _partialHz[partials] = hz;
                _partialEnergy[partials] = m * m;
                partials++;
            }
        }
        AddPartials(partials);

        var notes = _notes.AsSpan(0, _noteCount);
        var n = 0;
        double max = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Vector.Max is IEEE maximum like Math.Max (NaN wins, +0 over -0), so the order of
            // the comparisons does not change the result.
            var lanes = Vector<double>.Count;
            var maxima = Vector<double>.Zero;
            for (; n <= notes.Length - lanes; n += lanes) maxima = Vector.Max(maxima, new Vector<double>(notes.Slice(n, lanes)));
            for (var i = 0; i < lanes; i++) max = Math.Max(max, maxima[i]);
        }
        for (; n < notes.Length; n++) max = Math.Max(max, notes[n]);
        if (!(max > 0) || !double.IsFinite(max))
        {
            Array.Clear(_notes);
            return;
        }
        var eta = _options.LogCompression;
        var compressionScale = eta > 0 ? Math.Log(1 + eta) : 1;
        var scale = _options.NormaliseFrames ? 1 / max : 1;
        n = 0;
        if (Vector.IsHardwareAccelerated && !(eta > 0))
        {
            var lanes = Vector<double>.Count;
            var scales = new Vector<double>(scale);
            for (; n <= notes.Length - lanes; n += lanes)
                Vector.SquareRoot(new Vector<double>(notes.Slice(n, lanes)) * scales).CopyTo(notes.Slice(n, lanes));
        }
        for (; n < notes.Length; n++)
        {
            // Back to amplitude: energies would let the loudest partial dominate the fold.
            var v = Math.Sqrt(notes[n] * scale);
            notes[n] = eta > 0 ? Math.Log(1 + eta * v) / compressionScale : v;
        }

        var half = _options.WhiteningSemitones;
        if (half <= 0)
            return;
        // Running sum over [n - half, n + half], clipped at the ends (sequential, as before);
        // then each note less its window's mean, floored at 0, a vector at a time.
        var sums = _windowSum.AsSpan(0, notes.Length);
        double sum = 0;
        for (var i = 0; i < Math.Min(half, notes.Length); i++) sum += notes[i];
        for (n = 0; n < notes.Length; n++)
        {
            if (n + half < notes.Length) sum += notes[n + half];
            if (n - half - 1 >= 0) sum -= notes[n - half - 1];
            sums[n] = sum;
        }
        var counts = _windowCount.AsSpan(0, notes.Length);
        n = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = Vector<double>.Count;
            for (; n <= notes.Length - lanes; n += lanes)
            {
                var mean = new Vector<double>(sums.Slice(n, lanes)) / new Vector<double>(counts.Slice(n, lanes));
                Vector.Max(Vector<double>.Zero, new Vector<double>(notes.Slice(n, lanes)) - mean).CopyTo(notes.Slice(n, lanes));
            }
        }
        for (; n < notes.Length; n++)
            notes[n] = Math.Max(0, notes[n] - sums[n] / counts[n]);
    }

    /// <summary>Adds the peak at bin <paramref name="k"/>, parabolically interpolated, when it lies in the frequency range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AddPeak(int k, int partials)
    {
        // Parabolic interpolation of the peak on the magnitude spectrum.
        double m = _magnitude[k], left = _magnitude[k - 1], right = _magnitude[k + 1];
        var curvature = left - 2 * m + right;
        var offset = curvature < 0 ? Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5) : 0;
        var hz = (k + offset) * _binHz;
        var amplitude = m - 0.25 * (left - right) * offset;
        if (hz < _options.MinHz || hz > _options.MaxHz)
            return partials;
        _partialHz[partials] = hz;
        _partialEnergy[partials] = amplitude * amplitude;
        return partials + 1;
    }

    /// <summary>
    /// Spreads the collected partials over their two nearest semitones with cos² weights over a
    /// one-semitone window: all to the nearest note at its centre, split evenly half way between
    /// two. The logarithm and cosine take four partials at a time (a frame has about a hundred
    /// peaks, and these two calls were most of this class's time); the vector functions agree
    /// with Math.Log2 and Math.Cos to a unit or two in the last place, and the weights are
    /// continuous across note boundaries, so the profile moves by as little.
    /// </summary>
    private void AddPartials(int count)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var a440 = Vector256.Create(_a440);
            var offset = Vector256.Create(69.0 - _lowNote);
            var twelve = Vector256.Create(12.0);
            var quarterTurn = Vector256.Create(0.5 * Math.PI);
            for (; i <= count - 4; i += 4)
            {
                var note = offset + twelve * Vector256.Log2(Vector256.Create<double>(_partialHz.AsSpan(i, 4)) / a440);
                var below = Vector256.Floor(note);
                var weight = Vector256.Cos(quarterTurn * (note - below));
                (weight * weight).CopyTo(_partialWeight.AsSpan(i, 4));
                below.CopyTo(_partialNote.AsSpan(i, 4));
            }
        }
        for (; i < count; i++)
        {
            var note = 69 + 12 * Math.Log2(_partialHz[i] / _a440) - _lowNote;
            var below = Math.Floor(note);
            var weight = Math.Cos(0.5 * Math.PI * (note - below));
            _partialWeight[i] = weight * weight;
            _partialNote[i] = below;
        }
        for (i = 0; i < count; i++)
        {
            var below = (int)_partialNote[i];
            var energy = _partialEnergy[i];
            var wBelow = _partialWeight[i];
            if (below >= 0 && below < _noteCount) _notes[below] += wBelow * energy;
            if (below + 1 >= 0 && below + 1 < _noteCount) _notes[below + 1] += (1 - wBelow) * energy;
        }
    }

    private void EmitMedian()
    {
        var count = _framesInRing;
        var n = count == 9 ? MedianOfNine(_ring, _stride, _whitened) : 0;
        for (; n < _noteCount; n++)
        {
            for (var i = 0; i < count; i++) _medianScratch[i] = _ring[i * _stride + n];
            var values = _medianScratch.AsSpan(0, count);
            values.Sort();
            _whitened[n] = values[count / 2];
        }
        Fold(_whitened);
    }

    /// <summary>
    /// Median of nine rows (row r of length <paramref name="stride"/> at r x stride) for each
    /// column, on SIMD lanes with Devillard's median-of-9 exchange network (opt_med9): nine
    /// frames is the default window, and which frame sits in which row does not matter. Returns
    /// how many leading columns were done (a multiple of the vector width); the rest are left to the caller.
    /// </summary>
    internal static int MedianOfNine(ReadOnlySpan<float> ring, int stride, Span<double> median)
    {
        var width = Vector<float>.Count;
        var n = 0;
        for (; n <= stride - width; n += width)
        {
            Vector<float> p0 = new(ring.Slice(n, width)), p1 = new(ring.Slice(stride + n, width)),
                p2 = new(ring.Slice(2 * stride + n, width)), p3 = new(ring.Slice(3 * stride + n, width)),
                p4 = new(ring.Slice(4 * stride + n, width)), p5 = new(ring.Slice(5 * stride + n, width)),
                p6 = new(ring.Slice(6 * stride + n, width)), p7 = new(ring.Slice(7 * stride + n, width)),
                p8 = new(ring.Slice(8 * stride + n, width));
            Order(ref p1, ref p2); Order(ref p4, ref p5); Order(ref p7, ref p8);
            Order(ref p0, ref p1); Order(ref p3, ref p4); Order(ref p6, ref p7);
            Order(ref p1, ref p2); Order(ref p4, ref p5); Order(ref p7, ref p8);
            Order(ref p0, ref p3); Order(ref p5, ref p8); Order(ref p4, ref p7);
            Order(ref p3, ref p6); Order(ref p1, ref p4); Order(ref p2, ref p5);
            Order(ref p4, ref p7); Order(ref p4, ref p2); Order(ref p6, ref p4);
            Order(ref p4, ref p2);
            Vector.Widen(p4, out var low, out var high);
            low.CopyTo(median.Slice(n, Vector<double>.Count));
            high.CopyTo(median.Slice(n + Vector<double>.Count, Vector<double>.Count));
        }
        return n;
    }

    /// <summary>Puts the smaller of each lane into <paramref name="low"/> and the larger into <paramref name="high"/>.</summary>
    private static void Order(ref Vector<float> low, ref Vector<float> high)
    {
        var min = Vector.Min(low, high);
        high = Vector.Max(low, high);
        low = min;
    }

    private void Fold(double[] notes)
    {
        for (var n = 0; n < _noteCount; n++)
            _profile[(n + _lowNote) % 12] += notes[n];
    }
}
