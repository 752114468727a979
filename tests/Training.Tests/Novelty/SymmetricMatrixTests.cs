using GenreOrleans.Training.Novelty;

namespace GenreOrleans.Training.Tests.Novelty;

public sealed class SymmetricMatrixTests
{
    [Fact]
    public void The_inverse_times_the_matrix_is_the_identity()
    {
        double[,] matrix = { { 4, 1, 0.5 }, { 1, 3, 0.2 }, { 0.5, 0.2, 2 } };

        var inverse = SymmetricMatrix.Inverse(matrix);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < 3; k++)
                    sum += matrix[i, k] * inverse[k, j];
                Assert.Equal(i == j ? 1.0 : 0.0, sum, 10);
            }
        }
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        double[,] matrix = { { 1, 2 }, { 2, 1 } };

        Assert.Throws<ArgumentException>(() => SymmetricMatrix.Inverse(matrix));
    }

    [Fact]
    public void Shrinkage_blends_the_covariance_with_the_identity()
    {
        var rows = new[] { new[] { 1f, 1f }, new[] { -1f, -1f } };

        var covariance = SymmetricMatrix.ShrunkCovariance(rows, 0.25);

        Assert.Equal(1.0, covariance[0, 0], 10);
        Assert.Equal(0.75, covariance[0, 1], 10);
        Assert.Equal(0.75, covariance[1, 0], 10);
    }
}
