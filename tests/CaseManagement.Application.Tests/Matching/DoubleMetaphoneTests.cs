using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class DoubleMetaphoneTests
{
    [Theory]
    [InlineData("Smith", "SM0", "XMT")]
    [InlineData("Schmidt", "XMT", "SMT")]
    [InlineData("Thomas", "TMS", "TMS")]
    [InlineData("Tomos", "TMS", "TMS")]
    [InlineData("Dafydd", "TFT", "TFT")]
    [InlineData("David", "TFT", "TFT")]
    [InlineData("Rhys", "RS", "RS")]
    [InlineData("Reece", "RS", "RS")]
    [InlineData("Catherine", "K0RN", "KTRN")]
    [InlineData("Katherine", "K0RN", "KTRN")]
    [InlineData("Llywelyn", "LLN", "LLN")]
    [InlineData("Jones", "JNS", "ANS")]
    [InlineData("Sion", "SN", "XN")]
    [InlineData("Xavier", "SF", "SFR")]
    [InlineData("Hugh", "H", "H")]
    [InlineData("Huw", "H", "HF")]
    [InlineData("Knight", "NT", "NT")]
    [InlineData("Philips", "FLPS", "FLPS")]
    public void Encode_KnownNames_KnownCodes(string name, string primary, string alternate)
    {
        var code = DoubleMetaphone.Encode(name);

        Assert.Equal(primary, code.Primary);
        Assert.Equal(alternate, code.Alternate);
    }

    [Fact]
    public void Encode_LongName_AtMostFourCharacters()
    {
        var code = DoubleMetaphone.Encode("Pritchardgwynne");

        Assert.Equal(4, code.Primary.Length);
        Assert.Equal("PRXR", code.Primary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Encode_Empty_EmptyCodes(string? name)
    {
        Assert.Equal(new PhoneticCode(string.Empty, string.Empty), DoubleMetaphone.Encode(name));
    }
}
