namespace GenreOrleans.Dsp.Features;

/// <summary>
/// A feature-by-frame matrix stored row-major: row r (a feature or band) is
/// <c>Data[r * Columns .. (r + 1) * Columns]</c>, one column per analysis frame.
/// </summary>
public sealed record FeatureMatrix(int Rows, int Columns, float[] Data)
{
    public float this[int row, int column] => Data[row * Columns + column];

    /// <summary>The values of one row (feature or band) over all frames.</summary>
    public ReadOnlySpan<float> Row(int row) => Data.AsSpan(row * Columns, Columns);

    public static FeatureMatrix Empty(int rows, int columns) => new(rows, columns, new float[rows * columns]);
}
