namespace GenreOrleans.Training.Novelty;

/// <summary>The few dense symmetric-matrix operations the novelty fit needs (n is ~100, so plain loops do).</summary>
public static class SymmetricMatrix
{
    /// <summary>Covariance of rows that are already centred (standardised), shrunk towards the identity by <paramref name="shrinkage"/>.</summary>
    public static double[,] ShrunkCovariance(IReadOnlyList<float[]> rows, double shrinkage)
    {
        var n = rows[0].Length;
        var covariance = new double[n, n];
        foreach (var row in rows)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j <= i; j++)
                    covariance[i, j] += (double)row[i] * row[j];
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = (1 - shrinkage) * covariance[i, j] / rows.Count + (i == j ? shrinkage : 0);
                covariance[i, j] = value;
                covariance[j, i] = value;
            }
        }
        return covariance;
    }

    /// <summary>
    /// Inverse of a symmetric positive-definite matrix through its Cholesky factor L (A = L Lᵀ,
    /// so A⁻¹ = L⁻ᵀ L⁻¹); shrinkage towards the identity keeps the covariance positive-definite.
    /// </summary>
    public static double[,] Inverse(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                    sum -= lower[i, k] * lower[j, k];
                if (i == j)
                {
                    if (sum <= 0)
                        throw new ArgumentException("the matrix is not positive-definite");
                    lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }
        // Invert L by forward substitution, column by column.
        var lowerInverse = new double[n, n];
        for (var c = 0; c < n; c++)
        {
            lowerInverse[c, c] = 1 / lower[c, c];
            for (var i = c + 1; i < n; i++)
            {
                double sum = 0;
                for (var k = c; k < i; k++)
                    sum -= lower[i, k] * lowerInverse[k, c];
                lowerInverse[i, c] = sum / lower[i, i];
            }
        }
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double sum = 0;
                for (var k = i; k < n; k++)
                    sum += lowerInverse[k, i] * lowerInverse[k, j];
                inverse[i, j] = sum;
                inverse[j, i] = sum;
            }
        }
        return inverse;
    }
}
