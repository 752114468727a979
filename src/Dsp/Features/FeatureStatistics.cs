namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Running mean and population standard deviation (ddof = 0, as numpy's std) of each row of a
/// feature matrix, updated column by column with Welford's method so that hours of frames can be
/// summarised without keeping them.
/// </summary>
public sealed class FeatureStatistics
{
    private readonly double[] _mean;
    private readonly double[] _m2;

    public FeatureStatistics(int rows)
    {
        _mean = new double[rows];
        _m2 = new double[rows];
    }

    public int Rows => _mean.Length;

    public long Count { get; private set; }

    /// <summary>Adds the columns <paramref name="from"/>..<paramref name="to"/> (exclusive) of <paramref name="matrix"/>.</summary>
    public void Add(FeatureMatrix matrix, int from = 0, int to = -1)
    {
        if (matrix.Rows != Rows) throw new ArgumentException($"expected {Rows} rows, got {matrix.Rows}", nameof(matrix));
        if (to < 0) to = matrix.Columns;
        for (var t = from; t < to; t++)
        {
            Count++;
            for (var r = 0; r < Rows; r++)
            {
                var x = (double)matrix.Data[r * matrix.Columns + t];
                var delta = x - _mean[r];
                _mean[r] += delta / Count;
                _m2[r] += delta * (x - _mean[r]);
            }
        }
    }

    public double Mean(int row) => Count == 0 ? 0 : _mean[row];

    public double StandardDeviation(int row) => Count == 0 ? 0 : Math.Sqrt(Math.Max(0, _m2[row] / Count));
}
