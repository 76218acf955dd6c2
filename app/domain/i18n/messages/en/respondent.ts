import type { MessageFile } from "../../index";

/** What a respondent sees: the start page, the questionnaire's chrome, check your answers, done. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "start.title.family": "Did services work together for you?",
    "start.title.staff": "How well do services work together?",
    "start.intro.family":
      "Tell us what it was like for you and your family to get help from different services: whether they worked together, or you had to tell your story again and again.",
    "start.intro.staff":
      "Tell us how the agencies in your partnership work together for children and families. There are no right or wrong answers.",
    "start.minutes.short": "It takes about 5 minutes.",
    "start.minutes.full": "It takes about 25 minutes.",
    "start.anonymous":
      "It is anonymous: we do not ask your name or email, and no one sees any one person's answers. Results are only shown for groups of several people.",
    "start.saved":
      "Your answers are saved as you go. You can stop, and come back on this device until {{date}}, or get a link to carry on elsewhere.",
    "start.language": "Choose your language",
    "start.now": "Start now",
    "start.noscript":
      "This questionnaire needs JavaScript after its first section. If you cannot use JavaScript, contact the partnership for a paper copy.",
    "start.submittedTitle": "You have already submitted your answers",
    "start.submittedBody":
      "Thank you. Your answers to {{round}} for {{partnership}} are stored and can no longer be changed.",
    "start.metaTitle": "Questionnaire",
    "loading.questionnaire": "Loading the questionnaire…",
    "loading.next": "Loading the next section…",
    "loading.failedTitle": "The questionnaire could not be loaded",
    "loading.failedBody": "Check your connection. It will try again when the connection returns.",
    "loading.retry": "Try again",
    "runner.section": "Section {{n}} of {{total}}",
    "runner.sectionTitled": "Section {{n}} of {{total}}: {{title}}",
    "runner.backToCheck": "Back to check your answers",
    "runner.stages": "What do the stages mean?",
    "runner.next": "Next",
    "runner.saving": "Saving…",
    "runner.savedAt": "All answers saved at {{time}}",
    "runner.waiting":
      "Not saved yet: no connection. Your answers are kept on this device and will be sent when the connection is back.",
    "runner.notSaved": "Your answers could not be saved.",
    "runner.notSubmitted": "Your answers could not be submitted. Please try again.",
    "runner.noResumeLink": "A resume link could not be made.",
    "runner.finishLater": "Finish later",
    "runner.finishLaterBody": "Your answers are saved as you go. On this device, open the same link to carry on.",
    "runner.finishLaterOther":
      "To carry on using another device, get a private link to your answers. Anyone with the link can see and change them until you submit, so keep it to yourself.",
    "runner.getResumeLink": "Save and get a resume link",
    "runner.resumeLink": "Your resume link",
    "runner.answerRequired": "Answer this question to go on",
    "check.title": "Check your answers",
    "check.intro":
      "Open a section to see your answers. You can change any of them before you submit; after that they can no longer be changed.",
    "check.answered": "{{answered}} of {{total}} answered",
    "check.notAnswered": "Not answered",
    "check.change": "Change",
    "check.changeHidden": "your answer to: {{question}}",
    "check.sendTitle": "Now send your answers",
    "check.sendBody":
      "By submitting you send your answers to the partnership. No one will see your own answers, only results for groups of several people.",
    "check.submit": "Submit answers",
    "check.submitting": "Submitting…",
    "done.title": "Answers submitted",
    "done.thanks": "Thank you for taking part.",
    "done.nextTitle": "What happens next",
    "done.next":
      "When the round closes, the partnership will see the combined results of everyone who answered. No one sees your own answers, and results are only shown for groups of several people.",
    "done.close": "You can now close this page.",
    "stage.description.coexistence": "Agencies work separately; contact only when forced.",
    "stage.description.communication": "People from different agencies talk together and share information informally.",
    "stage.description.cooperation": "Low-key joint working on a case-by-case basis.",
    "stage.description.coordination":
      "Formalised joint working (agreed protocols, referral pathways, joint meetings), but no sanctions when it does not happen.",
    "stage.description.coalition":
      "Joint structures in which agencies give up some autonomy: joint board, pooled budget, co-located multi-agency team, shared management.",
    "stage.description.integration":
      "Organisations merge into a new joint identity: one management, one budget, one service.",
    "paper.tools.professional":
      "This is the professional questionnaire of {{round}}, ready to print on A4. Use your browser's Print, and choose “Save as PDF” as the printer to get a PDF file. Enter the completed forms with “Enter a paper response” on the round's page.",
    "paper.tools.short":
      "This is the short professional questionnaire of {{round}}, ready to print on A4. Use your browser's Print, and choose “Save as PDF” as the printer to get a PDF file. Enter the completed forms with “Enter a paper response” on the round's page.",
    "paper.tools.family":
      "This is the family-voice questionnaire of {{round}}, ready to print on A4. Use your browser's Print, and choose “Save as PDF” as the printer to get a PDF file. Enter the completed forms with “Enter a paper response” on the round's page.",
    "paper.print": "Print or save as PDF",
    "paper.reference": "Reference {{reference}}",
    "paper.intro.staff": "Tell us how the agencies in your partnership work together.",
    "paper.noName": "Do not write your name or any other personal details on this form.",
    "paper.howTo":
      "Tick one box for each question, or leave it blank if you would rather not answer. Hand the form back as you were asked: it is entered by staff and then counted with everyone else's, only for groups of several people.",
    "paper.thanks": "Thank you.",
    "paper.writeHere": "Space to write your answer",
    "paper.title": "Paper questionnaire",
  },
};
export default file;
