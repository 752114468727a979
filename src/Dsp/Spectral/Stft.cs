using System.Numerics;
using System.Runtime.InteropServices;

namespace GenreOrleans.Dsp.Spectral;

/// <summary>
/// Short-time Fourier transform of mono audio as librosa computes it by default: periodic Hann
/// window of <c>FftSize</c>, hop <c>HopSize</c>, frames centred on sample <c>t * HopSize</c> with
/// zero padding of <c>FftSize / 2</c> on both sides, so there are <c>1 + n / HopSize</c> frames.
/// One instance owns its frame and FFT buffers; computing a frame allocates nothing.
/// Not thread-safe: use one instance per thread.
/// </summary>
public sealed class Stft
{
    private readonly RealFft _fft;
    private readonly double[] _window;
    private readonly double[] _frame;
    private readonly double[] _re;
    private readonly double[] _im;

    public Stft(int fftSize = 2048, int hopSize = 512)
    {
        if (hopSize <= 0) throw new ArgumentOutOfRangeException(nameof(hopSize));
        _fft = new RealFft(fftSize);
        FftSize = fftSize;
        HopSize = hopSize;
        _window = HannWindow.Periodic(fftSize);
        _frame = new double[fftSize];
        _re = new double[fftSize / 2 + 1];
        _im = new double[fftSize / 2 + 1];
    }

    public int FftSize { get; }

    public int HopSize { get; }

    /// <summary>Frequency bins per frame, <c>FftSize / 2 + 1</c>.</summary>
    public int BinCount => FftSize / 2 + 1;

    /// <summary>Real and imaginary parts of the last frame computed (double precision).</summary>
    public ReadOnlySpan<double> Real => _re;

    public ReadOnlySpan<double> Imaginary => _im;

    /// <summary>Frames of a centred analysis of <paramref name="sampleCount"/> samples (at least one).</summary>
    public int FrameCount(int sampleCount) => 1 + Math.Max(0, sampleCount) / HopSize;

    /// <summary>
    /// Transforms frame <paramref name="frameIndex"/> of <paramref name="samples"/>; the result is
    /// in <see cref="Real"/> and <see cref="Imaginary"/>.
    /// </summary>
    public void Transform(ReadOnlySpan<float> samples, int frameIndex)
    {
        var start = frameIndex * HopSize - FftSize / 2;
        var frame = _frame;
        var window = _window;
        if (start >= 0 && start + FftSize <= samples.Length)
        {
            var source = samples.Slice(start, FftSize);
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var width = Vector<float>.Count;
                var half = Vector<double>.Count;
                // Unchecked loads and stores: source, window and frame all hold FftSize values.
                ref var src = ref MemoryMarshal.GetReference(source);
                ref var win = ref MemoryMarshal.GetArrayDataReference(window);
                ref var dst = ref MemoryMarshal.GetArrayDataReference(frame);
                for (; i <= frame.Length - width; i += width)
                {
                    Vector.Widen(Vector.LoadUnsafe(ref src, (nuint)i), out var low, out var high);
                    (low * Vector.LoadUnsafe(ref win, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
                    (high * Vector.LoadUnsafe(ref win, (nuint)(i + half))).StoreUnsafe(ref dst, (nuint)(i + half));
                }
            }
            for (; i < frame.Length; i++)
                frame[i] = window[i] * source[i];
        }
        else
        {
            for (var i = 0; i < frame.Length; i++)
            {
                var s = start + i;
                frame[i] = s >= 0 && s < samples.Length ? window[i] * samples[s] : 0.0;
            }
        }
        _fft.Forward(frame, _re, _im);
    }

    /// <summary>
    /// Magnitude |X[k]| of frame <paramref name="frameIndex"/>, rounded to float32 like librosa's
    /// complex64 STFT.
    /// </summary>
    public void Magnitude(ReadOnlySpan<float> samples, int frameIndex, Span<float> magnitude)
    {
        Transform(samples, frameIndex);
        MagnitudeOfLast(magnitude);
    }

    /// <summary>Magnitude of the frame last passed to <see cref="Transform"/>.</summary>
    public void MagnitudeOfLast(Span<float> magnitude)
    {
        var re = _re;
        var im = _im;
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            // Unchecked: re and im hold BinCount values, magnitude at least that many (checked here).
            if (magnitude.Length < re.Length) throw new ArgumentException("magnitude shorter than BinCount", nameof(magnitude));
            ref var reRef = ref MemoryMarshal.GetArrayDataReference(re);
            ref var imRef = ref MemoryMarshal.GetArrayDataReference(im);
            ref var magRef = ref MemoryMarshal.GetReference(magnitude);
            for (; k <= re.Length - 2 * width; k += 2 * width)
            {
                // Round to float32 (librosa's complex64) and back, then |.| in double, rounded once.
                var at = (nuint)k;
                var next = (nuint)(k + width);
                Vector.Widen(Vector.Narrow(Vector.LoadUnsafe(ref reRef, at), Vector.LoadUnsafe(ref reRef, next)), out var r0, out var r1);
                Vector.Widen(Vector.Narrow(Vector.LoadUnsafe(ref imRef, at), Vector.LoadUnsafe(ref imRef, next)), out var i0, out var i1);
                var m0 = Vector.SquareRoot(r0 * r0 + i0 * i0);
                var m1 = Vector.SquareRoot(r1 * r1 + i1 * i1);
                Vector.Narrow(m0, m1).StoreUnsafe(ref magRef, at);
            }
        }
        for (; k < re.Length; k++)
        {
            // librosa stores the spectrum as complex64 and takes |.| of that.
            double r = (float)re[k];
            double i = (float)im[k];
            magnitude[k] = (float)Math.Sqrt(r * r + i * i);
        }
    }
}
