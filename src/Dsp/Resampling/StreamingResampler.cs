namespace GenreOrleans.Dsp.Resampling;

/// <summary>
/// <see cref="Resampler"/> for a signal that arrives in pieces (a long track decoded block by block): keeps only the
/// filter's reach of past input, so memory does not grow with the signal. The output is sample for sample the same as
/// <see cref="Resampler.Process"/> on the whole signal (the same dot products over the same values).
/// </summary>
public sealed class StreamingResampler
{
    private readonly Resampler _resampler;
    private readonly int _taps;
    private readonly int _lead;

    /// <summary>Input samples x[_first ..] not yet consumed (zeros before the signal and, at the end, after it).</summary>
    private float[] _input;
    private long _first;
    private int _count;

    private float[] _output = [];
    private float[] _even = [];
    private float[] _odd = [];
    private long _inputLength;
    private long _next;
    private bool _completed;

    internal StreamingResampler(Resampler resampler)
    {
        _resampler = resampler;
        _taps = resampler.TapsPerPhase;
        _lead = _taps / 2 - 1;
        // The first windows reach _lead samples before the signal: they are zeros.
        _input = new float[Math.Max(4096, 2 * _taps)];
        _first = -_lead;
        _count = _lead;
    }

    /// <summary>Output samples produced so far.</summary>
    public long OutputCount => _next;

    /// <summary>
    /// Appends <paramref name="input"/> and returns the output samples that it completes. The returned span is valid
    /// until the next call.
    /// </summary>
    public ReadOnlySpan<float> Write(ReadOnlySpan<float> input)
    {
        if (_completed)
            throw new InvalidOperationException("the stream is already complete");
        _inputLength += input.Length;
        if (_resampler.IsIdentity)
        {
            _next += input.Length;
            return input;
        }
        Append(input);
        return Emit(_resampler.OutputLength(_inputLength) + 1, limitByInput: true);
    }

    /// <summary>Ends the signal (zeros after it) and returns the remaining output samples.</summary>
    public ReadOnlySpan<float> Complete()
    {
        if (_completed)
            return [];
        _completed = true;
        if (_resampler.IsIdentity)
            return [];
        Append(new float[_taps + 1]);
        return Emit(_resampler.OutputLength(_inputLength), limitByInput: false);
    }

    private void Append(ReadOnlySpan<float> samples)
    {
        if (_count + samples.Length > _input.Length)
            Array.Resize(ref _input, Math.Max(_input.Length * 2, _count + samples.Length));
        samples.CopyTo(_input.AsSpan(_count));
        _count += samples.Length;
    }

    /// <summary>
    /// The leading outputs before <paramref name="ready"/>, in multiples of 8, through <see cref="Resampler.Halve"/>;
    /// <see cref="Resampler.OutputSamples"/> does the rest. Returns how many it wrote.
    /// </summary>
    private int HalveWhatIsReady(long ready, int capacity)
    {
        var count = (int)Math.Min(ready - _next, capacity) / 8 * 8;
        if (count <= 0)
            return 0;
        var reach = _resampler.HalvingReach(count);
        if (_even.Length < reach / 2 + 1)
        {
            _even = new float[reach / 2 + 1];
            _odd = new float[reach / 2 + 1];
        }
        var windowStart = 2 * _next - _lead;
        _resampler.Halve(_input.AsSpan((int)(windowStart - _first), reach), _output.AsSpan(0, count), _even, _odd);
        _next += count;
        return count;
    }

    /// <summary>Produces outputs up to <paramref name="end"/> (exclusive) whose windows lie inside the buffered input.</summary>
    private ReadOnlySpan<float> Emit(long end, bool limitByInput)
    {
        var available = _first + _count; // x index one past the last buffered sample
        // While streaming, at most the buffered input's worth of outputs are ready; at the end, all that remain.
        var capacity = (int)(limitByInput
            ? Math.Min(end - _next, (long)(_count + 1) * _resampler.OutputRate / _resampler.InputRate + 2)
            : end - _next);
        if (_output.Length < capacity)
            _output = new float[Math.Max(capacity, _output.Length * 2)];
        // While streaming, only the outputs whose windows the buffered input covers; at the end, zeros cover the rest.
        var ready = limitByInput ? Math.Min(end, _resampler.FirstOutputBeyond(available - 1)) : end;
        var produced = _resampler.Halves ? HalveWhatIsReady(ready, capacity) : 0;
        var count = (int)Math.Clamp(ready - _next, 0, capacity - produced);
        if (count > 0)
        {
            var windowStart = _resampler.InputIndex(_next) - _lead; // x[i - K/2 + 1]
            _resampler.OutputSamples(_next, _input.AsSpan((int)(windowStart - _first), (int)(available - windowStart)), _output.AsSpan(produced, count));
            _next += count;
            produced += count;
        }

        // Forget the input that no later window reaches.
        var keepFrom = _resampler.InputIndex(_next) - _lead;
        var drop = (int)Math.Clamp(keepFrom - _first, 0, _count);
        if (drop > 0)
        {
            Array.Copy(_input, drop, _input, 0, _count - drop);
            _first += drop;
            _count -= drop;
        }
        return _output.AsSpan(0, produced);
    }
}
