using System.Numerics;
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
    private readonly double[] _magnitude;
    private readonly double[] _notes;
    private readonly double[] _whitened;
    private readonly float[] _ring;
    private readonly float[] _medianScratch;
    private readonly float[] _medianLanes = new float[Vector<float>.Count];
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
        _whitened = new double[_noteCount];
        _ring = new float[_options.HarmonicMedianFrames * _noteCount];
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
        for (var n = 0; n < _noteCount; n++) _ring[slot * _noteCount + n] = (float)_notes[n];
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
        for (var k = k0; k <= last + 1; k++)
            _magnitude[k] = power[k] > 0 && float.IsFinite(power[k]) ? Math.Sqrt(power[k]) : 0;

        var partials = 0;
        for (var k = _firstBin; k <= last; k++)
        {
            var m = _magnitude[k];
            double hz, amplitude;
            if (_options.PeaksOnly)
            {
                if (!(m > _magnitude[k - 1] && m >= _magnitude[k + 1]))
                    continue;
                // Parabolic interpolation of the peak on the magnitude spectrum.
                double left = _magnitude[k - 1], right = _magnitude[k + 1];
                var curvature = left - 2 * m + right;
                var offset = curvature < 0 ? Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5) : 0;
                hz = (k + offset) * _binHz;
                amplitude = m - 0.25 * (left - right) * offset;
            }
            else
            {
                if (!(m > 0)) continue;
                hz = k * _binHz;
                amplitude = m;
            }
            if (hz < _options.MinHz || hz > _options.MaxHz)
                continue;
            _partialHz[partials] = hz;
            _partialEnergy[partials] = amplitude * amplitude;
            partials++;
        }
        AddPartials(partials);

        double max = 0;
        foreach (var v in _notes) max = Math.Max(max, v);
        if (!(max > 0) || !double.IsFinite(max))
        {
            Array.Clear(_notes);
            return;
        }
        var eta = _options.LogCompression;
        var compressionScale = eta > 0 ? Math.Log(1 + eta) : 1;
        var scale = _options.NormaliseFrames ? 1 / max : 1;
        for (var n = 0; n < _noteCount; n++)
        {
            // Back to amplitude: energies would let the loudest partial dominate the fold.
            var v = Math.Sqrt(_notes[n] * scale);
            _notes[n] = eta > 0 ? Math.Log(1 + eta * v) / compressionScale : v;
        }

        var half = _options.WhiteningSemitones;
        if (half <= 0)
            return;
        // Running sum over [n - half, n + half], clipped at the ends.
        double sum = 0;
        for (var i = 0; i < Math.Min(half, _noteCount); i++) sum += _notes[i];
        for (var n = 0; n < _noteCount; n++)
        {
            if (n + half < _noteCount) sum += _notes[n + half];
            if (n - half - 1 >= 0) sum -= _notes[n - half - 1];
            var count = Math.Min(_noteCount - 1, n + half) - Math.Max(0, n - half) + 1;
            _whitened[n] = Math.Max(0, _notes[n] - sum / count);
        }
        Array.Copy(_whitened, _notes, _noteCount);
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
        var n = count == 9 ? MedianOfNine(_ring, _noteCount, _whitened, _medianLanes) : 0;
        for (; n < _noteCount; n++)
        {
            for (var i = 0; i < count; i++) _medianScratch[i] = _ring[i * _noteCount + n];
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
    internal static int MedianOfNine(ReadOnlySpan<float> ring, int stride, Span<double> median, Span<float> lanes)
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
            p4.CopyTo(lanes);
            for (var i = 0; i < width; i++) median[n + i] = lanes[i];
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
