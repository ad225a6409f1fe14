using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>The TrACE assessment in a real browser: drafted, submitted, returned, resubmitted, countersigned and redone.</summary>
public sealed class AssessmentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] ChildsDevelopment = ["Health", "Emotional and behavioural development", "Identity and self-esteem", "Family and social relationships", "Social presentation", "Self-care skills", "Learning"];
    private static readonly string[] ParentsAndCarers = ["Basic care and safety", "Emotional warmth and stability", "Guidance, boundaries and stimulation"];
    private static readonly string[] FamilyAndEnvironment = ["Family history and functioning", "Wider family", "Housing", "Employment and income", "Social and community resources", "Education"];

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }

    private static Task ChooseAsync(IPage page, string group, string option) =>
        page.GetByRole(AriaRole.Group, new() { Name = group, Exact = true }).GetByLabel(option, new() { Exact = true }).CheckAsync();

    private static async Task SectionAsync(IPage page, string section, Func<Task> fill)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = section }).ClickAsync();
        await fill();
        await page.GetByTestId("save-section").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The section has been saved");
    }

    [SkippableFact]
    public async Task Assessment_DraftedSubmittedReturnedResubmittedCountersignedAndRedone()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        await page.OpenAsync("/cases?show=mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();
        await page.GetByTestId("start-assessment").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TrACE assessment 1", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        var assessment = new Uri(page.Url).AbsolutePath;

        // A rating without its rationale is refused beside the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "The three judgements" }).ClickAsync();
        await ChooseAsync(page, "Rating: Likelihood of offending", "Medium");
        await page.GetByTestId("save-section").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Give the rationale for the likelihood of offending.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Rationale: Likelihood of offending").FillAsync("Two incidents with the same older group.");
        await ChooseAsync(page, "Rating: Risk of serious harm to others", "Low");
        await page.GetByLabel("Rationale: Risk of serious harm to others").FillAsync("No violence towards others.");
        await ChooseAsync(page, "Rating: Concern for the child's safety and wellbeing", "High");
        await page.GetByLabel("Rationale: Concern for the child's safety and wellbeing").FillAsync("Low mood since his grandfather died.");
        await page.GetByTestId("save-section").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The section has been saved");

        foreach (var (section, areas) in new[] { ("The child's development", ChildsDevelopment), ("Parents and carers", ParentsAndCarers), ("Family and environment", FamilyAndEnvironment) })
        {
            await SectionAsync(page, section, async () =>
            {
                foreach (var area in areas)
                {
                    await ChooseAsync(page, $"Concern: {area}", "Some concern");
                }
            });
        }

        // The adversity section, a part to a page: "if not asked, why not" shows only for "Not asked", and its message
        // names the question; what the timeline knows of a bereavement is offered beside that question.
        await page.GetByRole(AriaRole.Link, new() { Name = "Adverse childhood experiences and wider adversity" }).ClickAsync();
        for (var part = 1; part <= 4; part++)
        {
            await Expect(page.GetByText($"part {part} of 4").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
            foreach (var group in await page.GetByRole(AriaRole.Group).Filter(new() { HasText = "Answer:" }).AllAsync())
            {
                await group.GetByLabel("No", new() { Exact = true }).CheckAsync();
            }

            if (part == 1)
            {
                await Expect(page.GetByLabel("If not asked, why not: Sexual abuse")).ToBeHiddenAsync();
                await ChooseAsync(page, "Answer: Sexual abuse", "Not asked");
                await Expect(page.GetByLabel("If not asked, why not: Sexual abuse")).ToBeVisibleAsync();
                await page.GetByTestId("save-section").ClickAsync();
                await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Say why the question about sexual abuse was not asked.");
                await AssertAccessibleAsync(page);
                await page.GetByLabel("If not asked, why not: Sexual abuse").FillAsync("Dai was not ready to talk about it today.");
            }

            if (part == 3)
            {
                await ChooseAsync(page, "Answer: Bereavement", "Yes");
                await page.GetByLabel("Source of the information: Bereavement").FillAsync("Dai and his mother");
            }

            await page.GetByTestId("save-section").ClickAsync();
        }

        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The section has been saved");
        await SectionAsync(page, "Learning needs and school", async () =>
        {
            await ChooseAsync(page, "Additional learning needs", "Needs suspected, not yet identified");
            await ChooseAsync(page, "Speech, language and communication needs", "Suspected");
            await ChooseAsync(page, "Neurodiversity", "None");
            await ChooseAsync(page, "Attachment to school", "Weak: feels they do not belong");
        });
        await SectionAsync(page, "Strengths and the voices of the child and family", async () =>
        {
            await page.GetByLabel("Interests").FillAsync("Boxing, and fixing bikes");
            await page.GetByLabel("The child's own view").FillAsync("I want to stay out of trouble.");
        });
        await SectionAsync(page, "Analysis and recommendations", async () =>
        {
            await page.GetByLabel("Analysis", new() { Exact = true }).FillAsync("The behaviour follows the bereavement.");
            await page.GetByLabel("Recommendations").FillAsync("Boxing club twice a week\nBereavement support through school");
        });

        await page.GetByTestId("submit-assessment").ClickAsync();
        await Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("Awaiting countersignature");
        await AssertAccessibleAsync(page);

        // The team manager returns it with comments.
        var manager = await fixture.NewPageAsync();
        await fixture.SignInAsync(manager, "teammanager@demo.example");
        await manager.OpenAsync(assessment);
        await manager.GetByTestId("return").ClickAsync();
        await Expect(manager.GetByTestId("error-summary")).ToContainTextAsync("Say what needs to change before you can countersign.");
        await manager.GetByLabel("Comments for the case manager").FillAsync("Say more about school attendance.");
        await manager.GetByTestId("return").ClickAsync();
        await Expect(manager.GetByTestId("assessment-status")).ToHaveTextAsync("Returned");

        // The case manager answers the comments and submits again.
        await page.OpenAsync(assessment);
        await Expect(page.GetByTestId("return-comments")).ToContainTextAsync("Say more about school attendance.");
        await SectionAsync(page, "Analysis and recommendations", () =>
            page.GetByLabel("Analysis", new() { Exact = true }).FillAsync("The behaviour follows the bereavement; attendance fell to 62% after it."));
        await page.GetByTestId("submit-assessment").ClickAsync();

        await manager.OpenAsync(assessment);
        await manager.GetByTestId("countersign").ClickAsync();
        await Expect(manager.GetByTestId("assessment-status")).ToHaveTextAsync("Countersigned");
        await Expect(manager.GetByTestId("judgements-summary")).ToContainTextAsync("Low mood since his grandfather died.");
        await Expect(manager.GetByText("attendance fell to 62% after it")).ToBeVisibleAsync();
        await AssertAccessibleAsync(manager);

        // Printed: a button to print, whose assessment it is, and no "(optional)" of a form in the record.
        await manager.OpenAsync(assessment + "?print=true");
        await Expect(manager.GetByTestId("print-button")).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("print-date-of-birth")).ToContainTextAsync("Date of birth: ");
        await Expect(manager.Locator("main")).Not.ToContainTextAsync("(optional)");
        await Expect(manager.GetByTestId("adversity-summary")).ToContainTextAsync("Dai and his mother");

        // Redone: a reassessment starts from what is known.
        await page.OpenAsync(assessment);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(page.GetByTestId("assessments")).ToContainTextAsync("Countersigned");
        await page.GetByTestId("start-assessment").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TrACE assessment 2", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("task-list")).ToContainTextAsync("Completed");
    }
}
