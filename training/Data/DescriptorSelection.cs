namespace GenreOrleans.Training.Data;

/// <summary>
/// Which elements of the descriptor vector a head reads: all of them, or all but the groups left
/// out by name prefix (<c>head-cv --without</c>), to measure what a group adds without a new
/// descriptor version.
/// </summary>
public sealed class DescriptorSelection
{
    private readonly int[] _kept;
    private readonly int _length;

    private DescriptorSelection(int[] kept, int length)
    {
        _kept = kept;
        _length = length;
    }

    /// <summary>
    /// All elements of <paramref name="names"/> except those starting with one of
    /// <paramref name="prefixes"/> (ordinal). A prefix that matches no name is refused: a typo
    /// must not pass for "this group adds nothing".
    /// </summary>
    public static DescriptorSelection Without(IReadOnlyList<string> names, IReadOnlyCollection<string> prefixes)
    {
        if (prefixes.FirstOrDefault(prefix => !names.Any(name => name.StartsWith(prefix, StringComparison.Ordinal))) is { } unknown)
            throw new ArgumentException($"no descriptor element starts with '{unknown}'");
        var kept = Enumerable.Range(0, names.Count)
            .Where(i => !prefixes.Any(prefix => names[i].StartsWith(prefix, StringComparison.Ordinal)))
            .ToArray();
        return new DescriptorSelection(kept, names.Count);
    }

    /// <summary>How many elements are read.</summary>
    public int Count => _kept.Length;

    /// <summary>The kept elements of <paramref name="descriptors"/>, in order (the array itself when all are kept).</summary>
    public float[] Apply(float[] descriptors)
    {
        if (descriptors.Length != _length)
            throw new ArgumentException($"expected {_length} descriptor values, got {descriptors.Length}", nameof(descriptors));
        if (_kept.Length == _length)
            return descriptors;
        var result = new float[_kept.Length];
        for (var i = 0; i < _kept.Length; i++)
            result[i] = descriptors[_kept[i]];
        return result;
    }
}
