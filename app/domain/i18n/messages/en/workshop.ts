import type { MessageFile } from "../../index";

/** What a workshop participant sees on their phone: join with a code, join, rate, wait, ended. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "code.title": "Join a workshop",
    "code.label": "Workshop code",
    "code.hint": "The 6 characters shown on the screen, like K7QXN3",
    "code.continue": "Continue",
    "code.noAccount": "You do not need an account, and we do not ask your name.",
    "code.missing": "Enter the code shown on the screen",
    "code.invalid": "Enter the {{length}}-character code shown on the screen, like K7QXN3",
    "code.tooMany": "Too many wrong codes from this device. Wait 15 minutes and try again.",
    "code.unknown": "No workshop has that code. Check the code on the screen and try again.",
    "join.title": "Join the workshop",
    "join.anonymous":
      "We do not ask your name. The facilitator sees only how many people have joined, and ratings only as a group.",
    "join.level": "At which level do you mainly work?",
    "join.agencyType": "What kind of agency do you work for?",
    "join.levelError": "Select the level you mainly work at",
    "join.agencyTypeError": "Select the kind of agency you work for",
    "join.tooMany": "Too many people have joined from this network just now. Wait {{seconds}} seconds and try again.",
    "join.metaTitle": "Workshop",
    "join.metaTitleNamed": "{{name}} – workshop",
    "vote.ratingError": "Select a rating from 0 to 5",
    "vote.unknownComponent": "That component is not part of the framework",
    "vote.notInWorkshop": "That component is not part of this workshop.",
    "vote.notJoined": "Join the workshop before rating: your phone has not joined this session yet.",
    "vote.tooMany": "Too many ratings sent just now. Wait a minute and try again.",
    "vote.closed":
      "Voting on {{component}} is closed, so your rating was not sent. Wait for the facilitator to open it.",
    "vote.movedOn": "The workshop has moved on from {{component}}, so your rating was not sent.",
    "vote.unknownAction": "That action is not recognised.",
    "ended.message": "This workshop has ended, so its code no longer works. Thank you for taking part.",
    "ended.title": "The workshop has ended",
    "ended.body": "Thank you for taking part. The facilitator will share a summary of what the group agreed.",
    "waiting.title": "Waiting for the facilitator",
    "live.position": "{{name}} · component {{n}} of {{total}}",
    "live.myRating": "Your rating:",
    "live.canChange": "You can change it while voting is open.",
    "live.closed": "Voting is closed. Wait for the facilitator to open voting on this component.",
    "live.closedForNow": "Voting is closed for now. Wait for the facilitator to open voting on this component.",
    "live.revealed": "The facilitator is showing the group's ratings on the screen.",
    "live.question": "How far is this in place in your partnership?",
    "live.send": "Send my rating",
    "live.sending": "Sending…",
    "connection.live": "Live: updates appear as they happen.",
    "connection.connecting": "Connecting for live updates…",
    "connection.lost": "Connection lost. Reconnecting…",
    "rating.0.label": "Not in place",
    "rating.0.description": "Not at all: agencies work separately on this.",
    "rating.1.label": "Early signs",
    "rating.1.description": "Talked about, or tried in places; nothing agreed.",
    "rating.2.label": "Partly in place",
    "rating.2.description": "Happens case by case, depending on individuals.",
    "rating.3.label": "Mostly in place",
    "rating.3.description": "Agreed and formalised, but with gaps.",
    "rating.4.label": "Well established",
    "rating.4.description": "Part of how agencies work together, with few gaps.",
    "rating.5.label": "Fully in place",
    "rating.5.description": "Fully in place, sustained and reviewed together.",
    "component.vision":
      "Common goals and purpose, shared values, clarity of aims and outcomes, and a shared identity across the partnership.",
    "component.leadership":
      'Senior management support, systems leadership that stays the course, champions, and an "authorising environment" that lets staff work across boundaries.',
    "component.governance":
      "Joint governance and decision-making groups, clear lines of accountability, protocols and formal agreements, alignment with legislation and national policy, and a lead agency.",
    "component.resources":
      "Pooled or joint budgets, long-term and flexible funding, joint commissioning on outcomes, enough staff and time, and no competition for funds.",
    "component.information":
      "Information-sharing agreements, compatible IT and records, consent and confidentiality handled well, and people knowing what can be shared.",
    "component.evaluation":
      "Shared outcome measures set at the outset, process and outcome data, a testing period, learning cycles and continuous improvement.",
    "component.roles":
      "Clear roles and remits, understanding of other agencies' duties, pressures and skills, mutual valuing, equal partners and power-sharing, and no damaging hierarchies.",
    "component.relationships":
      "Routine interagency meetings, face-to-face contact, clear lines of communication, trust, time to build relationships, and conflict managed openly.",
    "component.joint_working":
      "Co-location with time to meet, multi-agency teams, a named link person or key worker, coordinator roles, a single referral route, and joint assessment and care planning.",
    "component.workforce":
      "Joint training, time and workload for collaboration, staff turnover and continuity, wellbeing, and a shared language and knowledge.",
    "component.culture":
      'Common ground across professional cultures, a shared approach to risk, reflection, openness to "not knowing", adaptability, and confidence that the change will last.',
    "component.holistic":
      "Whole-family approaches, one trusted relationship, telling one's story once, smooth transitions to adult services, and the rights of children and families.",
    "component.participation":
      "Involvement in designing services and in decisions about their own support, community and voluntary-sector partners as equals, and cultural competence.",
  },
};
export default file;
