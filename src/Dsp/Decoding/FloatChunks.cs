namespace GenreOrleans.Dsp.Decoding;

/// <summary>
/// Collects samples of unknown total length in fixed-size chunks (no doubling copies while it grows), then copies
/// them once into an exact-length array.
/// </summary>
internal sealed class FloatChunks
{
    private const int ChunkLength = 1 << 18; // 1 MiB of floats

    private readonly List<float[]> _full = [];
    private float[] _current = new float[ChunkLength];
    private int _used;

    public long Count => (long)_full.Count * ChunkLength + _used;

    public void Add(ReadOnlySpan<float> samples)
    {
        while (!samples.IsEmpty)
        {
            if (_used == ChunkLength)
            {
                _full.Add(_current);
                _current = new float[ChunkLength];
                _used = 0;
            }
            var take = Math.Min(samples.Length, ChunkLength - _used);
            samples[..take].CopyTo(_current.AsSpan(_used));
            _used += take;
            samples = samples[take..];
        }
    }

    /// <summary>All samples in one array; the chunks are released as they are copied.</summary>
    public float[] ToArray()
    {
        var result = new float[Count];
        var offset = 0;
        for (var i = 0; i < _full.Count; i++)
        {
            _full[i].CopyTo(result, offset);
            offset += ChunkLength;
            _full[i] = [];
        }
        _current.AsSpan(0, _used).CopyTo(result.AsSpan(offset));
        _full.Clear();
        _current = [];
        _used = 0;
        return result;
    }
}
