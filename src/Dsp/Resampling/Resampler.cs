using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GenreOrleans.Dsp.Resampling;

/// <summary>
/// Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated as a polyphase filter
/// (rate ratio L/M in lowest terms). The filter is linear-phase and its delay is compensated, so output
/// sample n lies at exactly n/outputRate seconds, as with soxr or librosa. Tables are built once per instance.
/// </summary>
public sealed class Resampler
{
    private readonly int _up;     // L
    private readonly int _down;   // M
    private readonly int _taps;   // K, taps per phase (even)
    private readonly int _phases; // rows in the table
    private readonly bool _exact; // one row per phase L, or interpolated between rows
    private readonly float[] _table;

    public Resampler(int inputRate, int outputRate, ResamplerOptions? options = null)
    {
        if (inputRate <= 0 || outputRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputRate), "sample rates must be positive");
        options ??= ResamplerOptions.HighQuality;
        InputRate = inputRate;
        OutputRate = outputRate;
        var gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;

        // Cut off in the middle of the transition band below the lower Nyquist frequency.
        var nyquist = Math.Min(inputRate, outputRate) / 2.0;
        var transition = nyquist * (1 - options.PassbandEnd) / inputRate;   // cycles per input sample
        var cutoff = nyquist * (1 + options.PassbandEnd) / 2 / inputRate;
        var attenuation = options.StopbandAttenuationDb;
        // Kaiser's design formulas (Oppenheim & Schafer 7.6): beta from the attenuation, length from the transition width.
        var beta = attenuation > 50 ? 0.1102 * (attenuation - 8.7) : 0.5842 * Math.Pow(attenuation - 21, 0.4) + 0.07886 * (attenuation - 21);
        var length = (attenuation - 7.95) / (14.36 * transition);
        _taps = 2 * (int)Math.Ceiling(length / 2);
        var halfWidth = _taps / 2.0;

        _exact = _up <= options.MaxExactPhases;
        _phases = _exact ? _up : options.MaxExactPhases;
        var rows = _exact ? _phases : _phases + 1;
        _table = new float[rows * _taps];
        var i0 = BesselI0(beta);
        for (var p = 0; p < rows; p++)
        {
            var fraction = (double)p / _phases;
            for (var j = 0; j < _taps; j++)
            {
                // Tap j multiplies x[i - K/2 + 1 + j]; its distance from the output instant i + fraction:
                var t = j - (_taps / 2 - 1) - fraction;
                var window = Math.Abs(t) >= halfWidth ? 0 : BesselI0(beta * Math.Sqrt(1 - t * t / (halfWidth * halfWidth))) / i0;
                _table[p * _taps + j] = (float)(2 * cutoff * Sinc(2 * cutoff * t) * window);
            }
        }
    }

    public int InputRate { get; }
    public int OutputRate { get; }

    /// <summary>Taps of each polyphase filter (input samples that contribute to one output sample).</summary>
    public int TapsPerPhase => _taps;

    /// <summary>Output length for an input of <paramref name="inputLength"/> samples: ceil(n * out / in).</summary>
    public long OutputLength(long inputLength) => (inputLength * _up + _down - 1) / _down;

    /// <summary>Resamples a whole signal; the signal is taken as zero outside the span.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        var outputLength = OutputLength(input.Length);
        if (outputLength > Array.MaxLength)
            throw new ArgumentException("the resampled signal would be too long for one array", nameof(input));
        var output = new float[outputLength];
        if (_up == 1 && _down == 1)
        {
            input.CopyTo(output);
            return output;
        }

        // Zero padding on both sides lets every dot product run over a contiguous slice.
        var lead = _taps / 2 - 1;
        var padded = new float[input.Length + _taps + 1];
        input.CopyTo(padded.AsSpan(lead + 1));
        long n = 0;
        if (Halves)
        {
            // In pieces of up to 4,096 outputs, so the even and odd copies stay small.
            var piece = Math.Min(4096, output.Length / 8 * 8);
            var even = new float[HalvingReach(Math.Max(piece, 8)) / 2 + 1];
            var odd = new float[even.Length];
            for (; n + 8 <= output.Length; n += piece)
            {
                piece = (int)Math.Min(piece, (output.Length - n) / 8 * 8);
                Halve(padded.AsSpan((int)(InputIndex(n) + 1), HalvingReach(piece)), output.AsSpan((int)n, piece), even, odd);
            }
        }
        // x[i - K/2 + 1] sits at padded[i - K/2 + 1 + lead + 1] = padded[i + 1].
        if (n < output.Length)
            OutputSamples(n, padded.AsSpan((int)(InputIndex(n) + 1)), output.AsSpan((int)n));
        return output;
    }

    /// <summary>A resampler for a signal that arrives in pieces; same output as <see cref="Process"/> on the whole.</summary>
    public StreamingResampler CreateStream() => new(this);

    /// <summary>i = floor(n M / L): the input sample at or before output sample n.</summary>
    internal long InputIndex(long n) => n * _down / _up;

    internal bool IsIdentity => _up == 1 && _down == 1;

    /// <summary>
    /// Output sample <paramref name="n"/> from <paramref name="window"/> = x[i - K/2 + 1 .. i + K/2] (K = <see cref="TapsPerPhase"/>,
    /// i = <see cref="InputIndex"/>(n)), zeros standing for samples outside the signal.
    /// </summary>
    internal float OutputSample(long n, ReadOnlySpan<float> window)
    {
        var remainder = (int)(n * _down % _up);
        var table = _table.AsSpan();
        if (_exact)
            return Dot(window, table.Slice(remainder * _taps, _taps));
        var scaled = (double)remainder / _up * _phases;
        var row = (int)scaled;
        var weight = (float)(scaled - row);
        var a = Dot(window, table.Slice(row * _taps, _taps));
        var b = Dot(window, table.Slice((row + 1) * _taps, _taps));
        return a + (b - a) * weight;
    }

    /// <summary>
    /// Outputs <paramref name="first"/> .. <paramref name="first"/> + output.Length − 1, each bit for bit what
    /// <see cref="OutputSample"/> gives; <paramref name="input"/> starts at the first output's window and reaches
    /// the last one's end.
    /// </summary>
    /// <remarks>
    /// One output's dot product is a chain of dependent vector additions, so one at a time leaves the
    /// adder waiting; four outputs' chains interleaved (<see cref="Dot4"/>) keep it busy, each chain
    /// with its own products and additions in its own order. For rates that do not halve (48 kHz).
    /// </remarks>
    internal void OutputSamples(long first, ReadOnlySpan<float> input, Span<float> output)
    {
        var n = 0;
        if (_exact)
        {
            // Output n reads from input index floor(n M / L) with phase n M mod L; both advance by
            // M / L per output, so they are stepped rather than divided anew.
            var offset = 0;
            var phase = (int)(first * _down % _up);
            int wholeStep = _down / _up, phaseStep = _down % _up;
            Span<float> quad = stackalloc float[4];

            // Outputs L apart share their phase and sit M inputs apart. In blocks of 4 L outputs,
            // each filter row serves four outputs while it is in the L1 cache: for 48 kHz the whole
            // table is 230 KB, and visiting the rows in output order streamed it from L2.
            for (; n + 4 * _up <= output.Length; n += 4 * _up)
            {
                for (var j = 0; j < _up; j++)
                {
                    var row = _table.AsSpan(phase * _taps, _taps);
                    Dot4(input.Slice(offset, _taps), row,
                         input.Slice(offset + _down, _taps), row,
                         input.Slice(offset + 2 * _down, _taps), row,
                         input.Slice(offset + 3 * _down, _taps), row,
                         quad);
                    for (var k = 0; k < 4; k++)
                        output[n + j + k * _up] = quad[k];
                    Step(ref offset, ref phase, wholeStep, phaseStep);
                }
                offset += 3 * _down; // the block's outputs 0 .. L - 1 are done; L .. 4L - 1 were their partners
            }

            Span<int> offsets = stackalloc int[4];
            Span<int> phases = stackalloc int[4];
            for (; n + 4 <= output.Length; n += 4)
            {
                for (var j = 0; j < 4; j++)
                {
                    offsets[j] = offset;
                    phases[j] = phase;
                    Step(ref offset, ref phase, wholeStep, phaseStep);
                }
                Dot4(input.Slice(offsets[0], _taps), _table.AsSpan(phases[0] * _taps, _taps),
                     input.Slice(offsets[1], _taps), _table.AsSpan(phases[1] * _taps, _taps),
                     input.Slice(offsets[2], _taps), _table.AsSpan(phases[2] * _taps, _taps),
                     input.Slice(offsets[3], _taps), _table.AsSpan(phases[3] * _taps, _taps),
                     output.Slice(n, 4));
            }
        }
        var origin = InputIndex(first);
        for (; n < output.Length; n++)
            output[n] = OutputSample(first + n, input.Slice((int)(InputIndex(first + n) - origin), _taps));
    }

    private void Step(ref int offset, ref int phase, int wholeStep, int phaseStep)
    {
        offset += wholeStep;
        phase += phaseStep;
        if (phase >= _up)
        {
            phase -= _up;
            offset++;
        }
    }

    /// <summary>The first output whose window reaches past x[<paramref name="lastInput"/>] (the first that input up to there does not cover).</summary>
    internal long FirstOutputBeyond(long lastInput)
    {
        // Output n's window ends at x[InputIndex(n) + K/2]: covered while floor(n M / L) ≤ b = lastInput − K/2, i.e. n < (b + 1) L / M.
        var next = lastInput - _taps / 2 + 1;
        return next <= 0 ? 0 : (next * _up + _down - 1) / _down;
    }

    /// <summary>
    /// Whether the rate exactly halves (44.1 to 22.05 kHz, the usual case) and this machine's vectors
    /// are 8 floats wide: then <see cref="Halve"/> gives <see cref="OutputSample"/>'s values faster.
    /// </summary>
    internal bool Halves => _up == 1 && _down == 2 && _taps % 8 == 0
        && Vector<float>.Count == 8 && Vector256.IsHardwareAccelerated;

    /// <summary>Input samples that <paramref name="outputs"/> consecutive outputs of <see cref="Halve"/> read, from the first one's window on.</summary>
    internal int HalvingReach(int outputs) => 2 * (outputs - 1) + _taps;

    /// <summary>
    /// Consecutive outputs of a halving filter (a multiple of 8 of them), each bit for bit what
    /// <see cref="OutputSample"/> gives; <paramref name="input"/> starts at the first output's window
    /// and holds <see cref="HalvingReach"/> samples; <paramref name="even"/> and <paramref name="odd"/>
    /// are scratch space of half that, rounded up.
    /// </summary>
    /// <remarks>
    /// <see cref="Dot"/> keeps one sum per vector lane l (taps l, l + 8, l + 16, ... in turn) and adds
    /// the lanes pairwise at the end: a chain of dependent additions per output, which bounded its
    /// speed. Here each of the eight lane sums is a vector across eight outputs instead, so eight
    /// chains run side by side, with every product and addition the same and in the same order.
    /// Output m's window starts 2m samples after output 0's, so its tap t reads x[2m + t]: across
    /// outputs, every other sample, hence the even and odd copies of the input.
    /// </remarks>
    internal void Halve(ReadOnlySpan<float> input, Span<float> output, Span<float> even, Span<float> odd)
    {
        if (output.Length % 8 != 0 || input.Length < HalvingReach(output.Length))
            throw new ArgumentException("a multiple of 8 outputs and their whole reach of input are needed");
        var reach = HalvingReach(output.Length);
        for (var i = 0; i < reach / 2; i++)
        {
            even[i] = input[2 * i];
            odd[i] = input[2 * i + 1];
        }
        ref var e = ref MemoryMarshal.GetReference(even);
        ref var o = ref MemoryMarshal.GetReference(odd);
        ref var h = ref MemoryMarshal.GetReference(_table.AsSpan(0, _taps));
        for (var block = 0; block < output.Length; block += 8)
        {
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (var k = 0; k < _taps / 8; k++)
            {
                // Lane 2j (2j + 1) of tap group k reads even (odd) sample block + 4k + j + m for output block + m.
                var at = (nuint)(block + 4 * k);
                var t = 8 * k;
                s0 += Vector256.LoadUnsafe(ref e, at) * Vector256.Create(Unsafe.Add(ref h, t));
                s1 += Vector256.LoadUnsafe(ref o, at) * Vector256.Create(Unsafe.Add(ref h, t + 1));
                s2 += Vector256.LoadUnsafe(ref e, at + 1) * Vector256.Create(Unsafe.Add(ref h, t + 2));
                s3 += Vector256.LoadUnsafe(ref o, at + 1) * Vector256.Create(Unsafe.Add(ref h, t + 3));
                s4 += Vector256.LoadUnsafe(ref e, at + 2) * Vector256.Create(Unsafe.Add(ref h, t + 4));
                s5 += Vector256.LoadUnsafe(ref o, at + 2) * Vector256.Create(Unsafe.Add(ref h, t + 5));
                s6 += Vector256.LoadUnsafe(ref e, at + 3) * Vector256.Create(Unsafe.Add(ref h, t + 6));
                s7 += Vector256.LoadUnsafe(ref o, at + 3) * Vector256.Create(Unsafe.Add(ref h, t + 7));
            }
            // Vector.Sum's order: ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)).
            (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))).CopyTo(output.Slice(block, 8));
        }
    }

    /// <summary>Convenience for a one-off conversion.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate) =>
        new Resampler(inputRate, outputRate).Process(input);

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var k = 0; k < va.Length; k++)
            sum += va[k] * vb[k];
        var total = Vector.Sum(sum);
        for (var k = va.Length * Vector<float>.Count; k < a.Length; k++)
            total += a[k] * b[k];
        return total;
    }

    /// <summary>Four <see cref="Dot"/>s at once, each with exactly <see cref="Dot"/>'s operations and order.</summary>
    private static void Dot4(ReadOnlySpan<float> a0, ReadOnlySpan<float> b0, ReadOnlySpan<float> a1, ReadOnlySpan<float> b1,
        ReadOnlySpan<float> a2, ReadOnlySpan<float> b2, ReadOnlySpan<float> a3, ReadOnlySpan<float> b3, Span<float> result)
    {
        var width = Vector<float>.Count;
        var vectors = a0.Length / width;
        ref var x0 = ref MemoryMarshal.GetReference(a0);
        ref var h0 = ref MemoryMarshal.GetReference(b0);
        ref var x1 = ref MemoryMarshal.GetReference(a1);
        ref var h1 = ref MemoryMarshal.GetReference(b1);
        ref var x2 = ref MemoryMarshal.GetReference(a2);
        ref var h2 = ref MemoryMarshal.GetReference(b2);
        ref var x3 = ref MemoryMarshal.GetReference(a3);
        ref var h3 = ref MemoryMarshal.GetReference(b3);
        Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
        for (var k = 0; k < vectors; k++)
        {
            var at = (nuint)(k * width);
            s0 += Vector.LoadUnsafe(ref x0, at) * Vector.LoadUnsafe(ref h0, at);
            s1 += Vector.LoadUnsafe(ref x1, at) * Vector.LoadUnsafe(ref h1, at);
            s2 += Vector.LoadUnsafe(ref x2, at) * Vector.LoadUnsafe(ref h2, at);
            s3 += Vector.LoadUnsafe(ref x3, at) * Vector.LoadUnsafe(ref h3, at);
        }
        float t0 = Vector.Sum(s0), t1 = Vector.Sum(s1), t2 = Vector.Sum(s2), t3 = Vector.Sum(s3);
        for (var k = vectors * width; k < a0.Length; k++)
        {
            t0 += a0[k] * b0[k];
            t1 += a1[k] * b1[k];
            t2 += a2[k] * b2[k];
            t3 += a3[k] * b3[k];
        }
        result[0] = t0;
        result[1] = t1;
        result[2] = t2;
        result[3] = t3;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 200 && term > sum * 1e-17; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }
}
