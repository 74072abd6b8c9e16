import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('names', () => {
  it('reads "myself" as an introduction only where it opens a clause, not as a reflexive pronoun', () => {
    expect(sut('Hello doctor, myself Ramesh from Pune.')).toEqual([['pii.name', 'Ramesh']]);
    expect(sut('I want to kill myself tonight')).toEqual([]);
    expect(sut('I keep hurting myself Daily and cannot stop')).toEqual([]);
  });

  it('redacts a name after "my name is", "myself" and "mera naam"', () => {
    expect(sut('Hi, my name is Priya Sharma and I have PCOS.')).toEqual([['pii.name', 'Priya Sharma']]);
    expect(sut('Myself Suresh Patil, age 45')).toEqual([['pii.name', 'Suresh Patil']]);
    expect(sut('mera naam Pooja hai')).toEqual([['pii.name', 'Pooja']]);
  });

  it('reads a name cue glued to the name, as it reads the spaced one', () => {
    expect(sut('MyselfSuresh Patil, age 45')).toEqual([['pii.name', 'Suresh Patil']]);
    expect(sut("My wife's nameisRitu and she has fibroids")).toEqual([['pii.name', 'Ritu']]);
    expect(sut('mera naamPooja hai')).toEqual([['pii.name', 'Pooja']]);
  });

  it('redacts a capitalised name after "I am" but not an adjective', () => {
    expect(sut('I am Rahul, 34, with gout')).toEqual([['pii.name', 'Rahul']]);
    expect(sut('I am Diabetic and Hypertensive')).toEqual([]);
  });

  it('redacts the name after a title and keeps the title', () => {
    expect(sut('Dr. Mehta said my ECG was normal')).toEqual([['pii.name', 'Mehta']]);
    expect(sut('Smt. Kamala Devi, 72, needs a wheelchair')).toEqual([['pii.name', 'Kamala Devi']]);
  });

  it('does not treat "a doctor" or "Dr. appointment" as a name', () => {
    expect(sut('I saw a doctor about it')).toEqual([]);
    expect(sut('Dr. appointment tomorrow for my knee')).toEqual([]);
  });

  it('never treats an eponymous disease as a person', () => {
    expect(sut("My father has Parkinson's disease")).toEqual([]);
    expect(sut('Down syndrome, Hashimoto thyroiditis, Graves disease, Bell\'s palsy, Crohn\'s')).toEqual([]);
  });

  it('redacts a sign-off name on the last line', () => {
    expect(sut('Thanks for the advice.\nRegards,\nNeha Gupta')).toEqual([['pii.name', 'Neha Gupta']]);
    expect(sut('Will update.\n- Rohit')).toEqual([['pii.name', 'Rohit']]);
  });

  it('reads a last line of up to 40 characters as a sign-off, whether or not a line comes before it', () => {
    const line = (spaces: number) => `-${' '.repeat(spaces)}Zorvik.`;
    expect(sut(`Will update.\n${line(32)}`)).toEqual([['pii.name', 'Zorvik']]);
    expect(sut(`Will update.\n${line(33)}`)).toEqual([]);
    expect(sut(line(32))).toEqual([['pii.name', 'Zorvik']]);
    expect(sut(`${line(33)}\n\n`)).toEqual([]);
    expect(sut(`Will update.\n\n${line(32)}  \n`)).toEqual([['pii.name', 'Zorvik']]);
  });

  it('redacts a relative named after "my son" or "my wife"', () => {
    expect(sut('my son Arjun is 6')).toEqual([['pii.name', 'Arjun']]);
  });

  it('redacts a full name from the dictionary without a cue', () => {
    expect(sut('John Oliver is a comedian.')).toEqual([['pii.name', 'John Oliver']]);
    expect(sut('Richard M. Nixon')).toEqual([['pii.name', 'Richard M. Nixon']]);
  });

  it('keeps the mitral regurgitation abbreviation MR', () => {
    expect(sut('moderate MR. Started diuretics')).toEqual([]);
  });
});
