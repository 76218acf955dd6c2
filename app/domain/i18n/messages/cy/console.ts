import type { MessageFile } from "../../index";

/** Tudalennau'r hwylusydd. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "new.title": "Cynnal gweithdy",
    "new.intro": "Mae cyfranogwyr yn ymuno ar eu ffonau gyda chod byr, yn sgorio pob elfen o 0 i 5, ac rydych yn dangos ystod y safbwyntiau cyn i'r grŵp gytuno ar sgôr a chamau gweithredu.",
    "new.privacy": "Er mwyn cadw sgôr pawb yn breifat, dim ond pan fydd o leiaf {{threshold}} o bobl yn sgorio elfen y dangosir sgoriau'r ystafell ar ei chyfer, a dim ond pan fydd gan grŵp (lefel neu fath o asiantaeth) a gweddill yr ystafell {{threshold}} neu fwy o bobl yr un y dangosir y grŵp hwnnw.",
    "new.smallTitle": "Llai o bobl na'r trothwy",
    "new.small_zero": "Gyda {{count}} o bobl, llai na {{threshold}}, ni ddangosir ystod o sgoriau: dim ond faint sydd wedi pleidleisio. Gallwch gynnal y sesiwn o hyd i gytuno ar sgoriau consensws a chamau gweithredu gyda'ch gilydd.",
    "new.small_one": "Gydag {{count}} person, llai na {{threshold}}, ni ddangosir ystod o sgoriau: dim ond faint sydd wedi pleidleisio. Gallwch gynnal y sesiwn o hyd i gytuno ar sgoriau consensws a chamau gweithredu gyda'ch gilydd.",
    "new.small_two": "Gyda {{count}} berson, llai na {{threshold}}, ni ddangosir ystod o sgoriau: dim ond faint sydd wedi pleidleisio. Gallwch gynnal y sesiwn o hyd i gytuno ar sgoriau consensws a chamau gweithredu gyda'ch gilydd.",
    "new.small_few": "Gyda {{count}} o bobl, llai na {{threshold}}, ni ddangosir ystod o sgoriau: dim ond faint sydd wedi pleidleisio. Gallwch gynnal y sesiwn o hyd i gytuno ar sgoriau consensws a chamau gweithredu gyda'ch gilydd.",
    "new.small_many": "Gyda {{count}} o bobl, llai na {{threshold}}, ni ddangosir ystod o sgoriau: dim ond faint sydd wedi pleidleisio. Gallwch gynnal y sesiwn o hyd i gytuno ar sgoriau consensws a chamau gweithredu gyda'ch gilydd.",
    "new.small_other": "Gyda {{count}} o bobl, llai na {{threshold}}, ni ddangosir ystod o sgoriau: dim ond faint sydd wedi pleidleisio. Gallwch gynnal y sesiwn o hyd i gytuno ar sgoriau consensws a chamau gweithredu gyda'ch gilydd.",
    "new.name": "Enw'r gweithdy",
    "new.nameHint": "Er enghraifft, Diwrnod i ffwrdd bwrdd y bartneriaeth, Mawrth 2027",
    "new.which": "Pa elfennau y byddwch yn eu trafod, ac ym mha drefn?",
    "new.whichHint": "Ticiwch yr elfennau i'w sgorio. Newidiwch y rhifau i osod y drefn (1 sy'n dod gyntaf); daw'r rhai a adewch yn wag yn olaf.",
    "new.order": "Trefn",
    "new.orderOf": " {{component}}",
    "new.expected": "Tua faint o bobl fydd yn cymryd rhan? (dewisol)",
    "new.expectedHint": "Dim ond pan fydd o leiaf {{threshold}} o bobl yn sgorio y dangosir sgoriau.",
    "new.busy": "Yn creu…",
    "new.anyway": "Ei greu beth bynnag",
    "new.create": "Creu'r sesiwn",
    "new.back": "Yn ôl i'r cylch",
  },
};
export default file;
