using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Tests.Spectral;

public sealed class RealFftTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(2048)]
    public void Matches_a_direct_dft(int size)
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, size).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var re = new double[size / 2 + 1];
        var im = new double[size / 2 + 1];

        new RealFft(size).Forward(x, re, im);

        for (var k = 0; k <= size / 2; k++)
        {
            double er = 0, ei = 0;
            for (var n = 0; n < size; n++)
            {
                var angle = -2 * Math.PI * k * n / size;
                er += x[n] * Math.Cos(angle);
                ei += x[n] * Math.Sin(angle);
            }
            Assert.Equal(er, re[k], 1e-9);
            Assert.Equal(ei, im[k], 1e-9);
        }
    }
}
