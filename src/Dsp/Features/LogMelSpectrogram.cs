using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// The 128-band Slaney mel spectrogram in dB of mono 22,050 Hz audio, as
/// <c>librosa.power_to_db(librosa.feature.melspectrogram(y, sr=22050, n_fft=2048, hop_length=512,
/// n_mels=128), ref=1.0, amin=1e-10, top_db=80)</c>. Rows are mel bands, columns frames.
/// One instance reuses its buffers between calls; not thread-safe.
/// </summary>
public sealed class LogMelSpectrogram
{
    private readonly Stft _stft;
    private readonly MelFilterBank _melBank;
    private readonly PowerToDb _toDb = new(reference: 1.0, amin: 1e-10, topDb: 80.0);
    private readonly FiniteSamples _finite = new();
    private readonly float[] _magnitude;
    private readonly float[] _power;
    private readonly float[] _melFrame;

    public LogMelSpectrogram(int sampleRate = 22050, int fftSize = 2048, int hopSize = 512, int bandCount = 128)
    {
        _stft = new Stft(fftSize, hopSize);
        _melBank = new MelFilterBank(sampleRate, fftSize, bandCount);
        _magnitude = new float[_stft.BinCount];
        _power = new float[_stft.BinCount];
        _melFrame = new float[bandCount];
    }

    public int BandCount => _melBank.BandCount;

    public FeatureMatrix Compute(ReadOnlySpan<float> samples)
    {
        samples = _finite.Clean(samples);
        var frames = _stft.FrameCount(samples.Length);
        var bands = _melBank.BandCount;
        var data = new float[bands * frames];
        for (var t = 0; t < frames; t++)
        {
            _stft.Magnitude(samples, t, _magnitude);
            for (var k = 0; k < _power.Length; k++)
                _power[k] = _magnitude[k] * _magnitude[k];
            _melBank.Apply(_power, _melFrame);
            for (var m = 0; m < bands; m++)
                data[m * frames + t] = _melFrame[m];
        }
        _toDb.ConvertInPlace(data);
        return new FeatureMatrix(bands, frames, data);
    }
}
