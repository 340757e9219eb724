import MnemoCore
import Testing

struct HTMLTextTests {
    @Test func escapesMarkupCharacters() {
        #expect(
            HTMLText.escape("<a href=\"x\">Tom & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func fieldsKeepLineBreaksAsBr() {
        #expect(HTMLText.field("a < b\nc") == "a &lt; b<br>c")
    }

    @Test(arguments: [
        ("Capital of <b>France</b>?", "Capital of France?"),
        ("one<br>two<div>three</div>", "one\ntwo\nthree"),
        ("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;&nbsp;", "a & b <c> \"d\" 'e' A"),
        ("1 < 2 and &unknown; stays", "1 < 2 and &unknown; stays"),
        ("  spaced  ", "spaced"),
    ])
    func plainTextFromAnkiFields(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }
}
