using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PolicyTracker.Tests.Claims;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.EndToEnd;

/// <summary>Claims as editors and readers use them, with the two-person rule on.</summary>
public sealed class ClaimsBrowserTests(SignOffApp app) : BrowserTest, IClassFixture<SignOffApp>
{
    [Fact]
    public async Task An_editor_turns_a_sentence_into_a_verified_claim_a_second_editor_signs_off_and_everyone_sees_it_live()
    {
        var firstEditor = await app.CreateMemberAsync(Roles.Editor, "Ada Editor");
        var secondEditor = await app.CreateMemberAsync(Roles.Editor, "Ben Editor");
        var analyst = await app.CreateMemberAsync(Roles.Analyst, "Cy Analyst");
        using var api = await app.CreateApiClientAsync(firstEditor);
        var articleId = await ClaimsFixtures.CreateArticleAsync(api);

        var viewer = await OpenArticleAsync(analyst, articleId);
        var second = await OpenArticleAsync(secondEditor, articleId);
        var first = await OpenArticleAsync(firstEditor, articleId);

        // The first Editor selects the government's request in the text and proposes it.
        await first.EvaluateAsync(@"(sentence) => {
            const body = document.getElementById('article-body');
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(sentence);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + sentence.length);
                document.getSelection().removeAllRanges();
                document.getSelection().addRange(range);
                return;
            }
        }", ClaimsFixtures.Request);
        await first.GetByRole(AriaRole.Button, new() { Name = "Propose claim from selection" }).ClickAsync();
        var claim = first.Locator("#claims .claim[data-status='unverified']");
        await Assertions.Expect(claim).ToHaveCountAsync(1);
        var claimId = await claim.GetAttributeAsync("data-claim-id");
        await Assertions.Expect(viewer.Locator($"#claims .claim[data-claim-id='{claimId}']")).ToHaveAttributeAsync("data-status", "unverified");
        Assert.Equal("", await first.Locator("#article-body").EvaluateAsync<string>("b => b.textContent.includes('Unverified') ? 'injected' : ''"));

        // The first Editor rules it verified with evidence: under the two-person rule it waits.
        var item = first.Locator($"#claims .claim[data-claim-id='{claimId}']");
        await item.Locator("summary").ClickAsync();
        await item.GetByLabel("Status").SelectOptionAsync("verified");
        await item.GetByLabel("Note", new() { Exact = true }).FillAsync("The ministry published the letter on its website.");
        await item.GetByLabel("Evidence address or article number").FillAsync("https://ministry.example/letters/kestrel-4");
        await item.GetByLabel("What the evidence shows").FillAsync("The letter asking for a limited preview.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save ruling" }).ClickAsync();
        await Assertions.Expect(viewer.Locator($"#claims .claim[data-claim-id='{claimId}']")).ToHaveAttributeAsync("data-status", "pending_signoff");
        Assert.Equal(0, await first.Locator($"#claims .claim[data-claim-id='{claimId}'] .claim-rule").CountAsync());

        // The second Editor, already on the page, confirms it.
        var pending = second.Locator($"#claims .claim[data-claim-id='{claimId}']");
        await pending.GetByLabel("Sign-off note").FillAsync("Checked the letter as well.");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Confirm ruling" }).ClickAsync();
        var seen = viewer.Locator($"#claims .claim[data-claim-id='{claimId}']");
        await Assertions.Expect(seen).ToHaveAttributeAsync("data-status", "verified");
        await Assertions.Expect(viewer.Locator("#claim-summary")).ToHaveTextAsync("1 claim: 1 verified");
        Assert.Equal(1, await viewer.EvaluateAsync<int>("() => CSS.highlights.get('claim-verified')?.size ?? 0"));

        // The analyst sees no ruling controls, and the server refuses a ruling anyway.
        Assert.Equal(0, await viewer.Locator("#claims .claim-rule, #claims .claim-accept").CountAsync());
        var status = await viewer.EvaluateAsync<int>(@"async (id) => (await fetch(`/api/claims/${id}`, { method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'If-Match': '""4""', RequestVerificationToken: document.querySelector('meta[name=""request-verification-token""]').content },
            body: JSON.stringify({ status: 'false', note: 'no', evidence: [{ url: 'https://x.example/', note: 'n' }] }) })).status", claimId);
        Assert.Equal(403, status);

        // The claim page shows each step and embeds the ClaimReview.
        await first.GotoAsync($"/claims/{claimId}");
        var steps = first.Locator("#claim-trail li");
        await Assertions.Expect(steps).ToHaveCountAsync(3);
        await Assertions.Expect(steps.Nth(0)).ToContainTextAsync("Ada Editor proposed");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("Ada Editor submitted (Unverified → Pending sign-off)");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("https://ministry.example/letters/kestrel-4");
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("Ben Editor signed-off (Pending sign-off → Verified)");
        var jsonLd = await first.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Contains("\"ClaimReview\"", jsonLd);
        Assert.Equal(1, await first.EvaluateAsync<int>("() => document.querySelectorAll('script[type=\"application/ld+json\"]').length"));
    }

    [Fact]
    public async Task Claim_pages_have_no_serious_accessibility_violations()
    {
        var editor = await app.CreateMemberAsync(Roles.Editor);
        using var api = await app.CreateApiClientAsync(editor);
        var articleId = await ClaimsFixtures.CreateArticleAsync(api);
        var (claimId, _) = await ClaimsFixtures.ProposedClaimAsync(api, articleId);
        var page = await OpenArticleAsync(editor, articleId);
        var problems = Violations(await page.RunAxe(), "article with claims");
        await page.GotoAsync("/claims");
        problems.AddRange(Violations(await page.RunAxe(), "review queue"));
        await page.GotoAsync($"/claims/{claimId}");
        problems.AddRange(Violations(await page.RunAxe(), "claim"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    async Task<IPage> OpenArticleAsync(Member member, int articleId)
    {
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, member);
        await page.GotoAsync($"/articles/{articleId}");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        return page;
    }

    static List<string> Violations(Deque.AxeCore.Commons.AxeResult result, string pageName) =>
        [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{pageName}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
}
