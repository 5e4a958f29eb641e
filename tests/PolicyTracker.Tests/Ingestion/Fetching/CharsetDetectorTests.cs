using System.Text;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

public sealed class CharsetDetectorTests
{
    static CharsetDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static byte[] Bytes(string text, int codePage) => Encoding.GetEncoding(codePage).GetBytes(text);

    [Fact]
    public void Byte_order_mark_beats_the_declared_charset()
    {
        var decoded = CharsetDetector.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Zürich")], "windows-1252");
        Assert.Equal(("Zürich", "utf-8"), (decoded.Text, decoded.Charset));
    }

    [Fact]
    public void UTF16_with_a_byte_order_mark_is_decoded()
    {
        var decoded = CharsetDetector.Decode([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("<p>Ω</p>")], null);
        Assert.Equal(("<p>Ω</p>", "utf-16"), (decoded.Text, decoded.Charset));
    }

    [Fact]
    public void Declared_charset_beats_the_meta_tag()
    {
        var decoded = CharsetDetector.Decode(Bytes("<meta charset=\"iso-8859-7\"><p>Straße €</p>", 1252), "windows-1252");
        Assert.Equal("windows-1252", decoded.Charset);
        Assert.Contains("Straße €", decoded.Text);
    }

    [Fact]
    public void Meta_charset_is_used_when_nothing_is_declared()
    {
        // Valid UTF-8 bytes, but the page says it is Greek: the page wins over the UTF-8 guess.
        var decoded = CharsetDetector.Decode(Bytes("<head><meta charset='iso-8859-7'></head><p>Αθήνα</p>", 28597), null);
        Assert.Equal("iso-8859-7", decoded.Charset);
        Assert.Contains("Αθήνα", decoded.Text);
    }

    [Fact]
    public void Meta_http_equiv_content_type_is_read()
    {
        var html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>Привет</p>";
        var decoded = CharsetDetector.Decode(Bytes(html, 1251), null);
        Assert.Equal("windows-1251", decoded.Charset);
        Assert.Contains("Привет", decoded.Text);
    }

    [Fact]
    public void XML_declaration_encoding_is_read()
    {
        var decoded = CharsetDetector.Decode(Bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss><title>Łódź</title></rss>", 28592), null);
        Assert.Equal("iso-8859-2", decoded.Charset);
        Assert.Contains("Łódź", decoded.Text);
    }

    [Fact]
    public void Valid_UTF8_without_any_label_is_UTF8()
    {
        var decoded = CharsetDetector.Decode(Encoding.UTF8.GetBytes("naïve — ok"), null);
        Assert.Equal(("naïve — ok", "utf-8"), (decoded.Text, decoded.Charset));
    }

    [Fact]
    public void Invalid_UTF8_without_any_label_falls_back_to_windows_1252()
    {
        var decoded = CharsetDetector.Decode(Bytes("“café”", 1252), null);
        Assert.Equal(("“café”", "windows-1252"), (decoded.Text, decoded.Charset));
    }

    [Theory]
    [InlineData("ISO-8859-1", "windows-1252")]
    [InlineData("\"utf-8\"", "utf-8")]
    [InlineData("US-ASCII", "windows-1252")]
    public void Labels_are_mapped_as_browsers_do(string label, string expected) =>
        Assert.Equal(expected, CharsetDetector.Lookup(label)?.WebName);

    [Theory]
    [InlineData("utf-7")]
    [InlineData("no-such-charset")]
    [InlineData("")]
    public void Unsafe_or_unknown_labels_are_ignored(string label) => Assert.Null(CharsetDetector.Lookup(label));

    [Fact]
    public void A_meta_tag_claiming_UTF16_without_a_BOM_is_ignored() =>
        Assert.Equal("utf-8", CharsetDetector.Decode(Encoding.ASCII.GetBytes("<meta charset=utf-16><p>x</p>"), null).Charset);
}
